import pg from 'pg';
import { splitDatabaseUrl } from './args.js';

export type Pool = pg.Pool;

export function pool(url: string, max = 4): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max, application_name: 'border-gate-bench' });
  p.on('error', () => undefined); // an idle client dropped by the server; the next query reconnects
  return p;
}

export async function rows<T>(db: pg.Pool, text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows as T[];
}

export async function one<T>(db: pg.Pool, text: string, params: unknown[] = []): Promise<T | null> {
  return (await rows<T>(db, text, params))[0] ?? null;
}

export async function databaseExists(url: string): Promise<boolean> {
  const { name, adminUrl } = splitDatabaseUrl(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

/** Drops (if there) and creates the bench database. Refuses names without "bench" (args.ts checks too). */
export async function recreateDatabase(url: string): Promise<void> {
  const { name, adminUrl } = splitDatabaseUrl(url);
  if (!name.includes('bench')) throw new Error(`refusing to drop ${name}: not a bench database`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** The bench's own bookkeeping in the bench database: what was seeded, keys it made, the plate counter. */
export async function ensureBenchTables(db: pg.Pool): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS bench_meta (
    key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  await db.query('CREATE SEQUENCE IF NOT EXISTS bench_plate_seq');
}

export async function getMeta<T>(db: pg.Pool, key: string): Promise<T | null> {
  const exists = await one<{ t: string | null }>(db, `SELECT to_regclass('bench_meta')::text AS t`);
  if (!exists?.t) return null;
  return (await one<{ value: T }>(db, 'SELECT value FROM bench_meta WHERE key = $1', [key]))?.value ?? null;
}

export async function setMeta(db: pg.Pool, key: string, value: unknown): Promise<void> {
  await ensureBenchTables(db);
  await db.query(
    `INSERT INTO bench_meta (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** Reserves `count` bench plate numbers (plates.ts benchPlate) no earlier run used; returns the first. */
export async function reservePlates(db: pg.Pool, count: number): Promise<number> {
  await ensureBenchTables(db);
  const row = await one<{ last: string }>(
    db,
    `SELECT setval('bench_plate_seq', nextval('bench_plate_seq') + $1 - 1) AS last`,
    [count],
  );
  return Number(row!.last) - count + 1;
}

export async function tableExists(db: pg.Pool, name: string): Promise<boolean> {
  const row = await one<{ t: string | null }>(db, 'SELECT to_regclass($1)::text AS t', [name]);
  return Boolean(row?.t);
}

/** Tables the service writes under load: the ones whose dead rows autovacuum would clear between runs. */
const SERVICE_WRITTEN_TABLES = [
  'declaration',
  'declaration_event',
  'clearance_step',
  'outbox_message',
  'idempotency_record',
  'gate_day_load',
  'audit_chain_head',
  'event_cursor',
  'worker_heartbeat',
];

/**
 * Production runs autovacuum. Where it is off (CI machines turn it off), earlier runs' dead rows and index
 * entries would slow this run down; vacuum what the service writes, as autovacuum would have meanwhile.
 * Returns whether it had to.
 */
export async function vacuumIfAutovacuumOff(db: pg.Pool): Promise<boolean> {
  const setting = await one<{ autovacuum: string }>(db, 'SHOW autovacuum');
  if (setting?.autovacuum === 'on') return false;
  for (const name of SERVICE_WRITTEN_TABLES) {
    if (await tableExists(db, name)) await db.query(`VACUUM (ANALYZE) ${name}`);
  }
  return true;
}
