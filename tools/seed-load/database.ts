import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureDatabaseExists, runMigrationsLocked } from '../../src/database/bootstrap.js';
import { createDataSource } from '../../src/database/data-source.js';
import type { Direction } from './cargo.js';
import type { GateInfo } from './history.js';
import type { FeeLookup } from './journey.js';

/** The load was refused (CLI exit code 2): the database already holds declarations, or may not be dropped. */
export class SeedLoadRefused extends Error {}

/** Names a throwaway database is expected to carry before `--fresh` may drop it. */
const DISPOSABLE_NAME = /bench|seed|test|load/i;
/** Tables the load fills in bulk: their plain secondary indexes are rebuilt once at the end instead of row by row. */
const BULK_TABLES = ['declaration', 'clearance_step', 'declaration_event'];

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Drops the database (sessions on it are ended) unless its name does not say it is disposable. */
export async function dropDatabase(url: string, yesReally: boolean): Promise<void> {
  const name = databaseName(url);
  if (!DISPOSABLE_NAME.test(name) && !yesReally) {
    throw new SeedLoadRefused(
      `refusing to drop database "${name}": --fresh needs a name containing bench, seed, test or load (or --yes-really)`,
    );
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Creates the database if missing and runs the service's own migrations, as `npm run migrate` does. */
export async function migrate(url: string): Promise<void> {
  await ensureDatabaseExists(url);
  // Two connections: runMigrationsLocked holds the advisory lock on one while the migrations run on another.
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'border-gate-seed-load', entities: [] });
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function assertNoDeclarations(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM declaration) AS any');
  if (rows[0].any) {
    throw new SeedLoadRefused(
      `database "${String(client.database)}" already holds declarations: load into an empty one, or pass --fresh to drop and recreate it`,
    );
  }
}

export async function readGates(client: pg.Client): Promise<GateInfo[]> {
  const { rows } = await client.query<{ code: string; prefix: string; export: number; import: number }>(
    `SELECT code, reference_prefix AS prefix, capacity_export_per_day AS export, capacity_import_per_day AS import
       FROM gate ORDER BY code`,
  );
  return rows.map((g) => ({
    code: g.code,
    referencePrefix: g.prefix,
    capacity: { export: g.export, import: g.import },
  }));
}

/**
 * The latest fee schedule's amounts for a through trip of the standard regime, as the fee step charges them:
 * round(amount_vnd × percent / 100), imports of goods other than empty at the domestic-import percent.
 */
export async function readFees(client: pg.Client): Promise<FeeLookup> {
  const { rows } = await client.query<{
    vehicle_class: string;
    goods_category: string;
    direction: Direction;
    amount: string;
  }>(
    `SELECT r.vehicle_class, r.goods_category, dir.direction,
            round(r.amount_vnd * CASE WHEN dir.direction = 'import' AND r.goods_category <> 'empty'
                                      THEN s.domestic_import_percent ELSE 100 END / 100.0)::bigint AS amount
       FROM (SELECT * FROM fee_schedule ORDER BY valid_from DESC LIMIT 1) s
       JOIN fee_schedule_rate r ON r.schedule_id = s.id
       CROSS JOIN (VALUES ('export'), ('import')) AS dir(direction)`,
  );
  const amounts = new Map(rows.map((r) => [`${r.vehicle_class}/${r.goods_category}/${r.direction}`, Number(r.amount)]));
  return (vehicleClass, goods, direction) => {
    const amount = amounts.get(`${vehicleClass}/${goods}/${direction}`);
    if (amount === undefined) throw new Error(`no fee rate for ${vehicleClass}/${goods}/${direction}`);
    return amount;
  };
}

/**
 * When the monthly-partitions migration is present, makes sure the audit log has a partition for every month
 * the history touches (its first month up to the month after `now`).
 */
export async function ensurePartitions(client: pg.Client, firstDay: string, now: number): Promise<void> {
  const { rows } = await client.query<{ fn: string | null }>(
    `SELECT to_regprocedure('ensure_monthly_partitions(text,date,date)')::text AS fn`,
  );
  if (!rows[0].fn) return;
  const next = new Date(now);
  const toMonth = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  await client.query(
    `SELECT ensure_monthly_partitions('declaration_event', date_trunc('month', $1::date)::date, $2::date)`,
    [firstDay, toMonth],
  );
}

interface Definition {
  table: string;
  name: string;
  definition: string;
}

/**
 * Drops what makes bulk inserts slow on the bulk tables and returns the statements that put it back, in order:
 * - foreign keys on them or pointing at them (checked row by row by triggers; re-added, each validated in one join);
 * - their plain secondary indexes (maintained row by row; rebuilt, each in one sorted pass);
 * - the primary and unique keys of the plain (not partitioned) ones: random uuids make their row-by-row upkeep
 *   the slowest part of a load; rebuilt in one sorted pass, which checks uniqueness just the same.
 * Partitioned tables keep their keys and indexes (their partitions' index names would not come back the same).
 * Everything is re-created from the catalog's own definitions, under the same names.
 */
export async function setAsideForBulkLoad(client: pg.Client): Promise<string[]> {
  const foreignKeys = await definitions(
    client,
    `SELECT format('%I', t.relname) AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND c.conparentid = 0 AND t.relnamespace = 'public'::regnamespace
        AND (t.relname = ANY($1) OR c.confrelid = ANY (SELECT oid FROM pg_class
              WHERE relname = ANY($1) AND relnamespace = 'public'::regnamespace))`,
  );
  const indexes = await definitions(
    client,
    `SELECT format('%I', t.relname) AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND t.relkind = 'r'
        AND NOT i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  const keys = await definitions(
    client,
    `SELECT format('%I', t.relname) AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype IN ('p', 'u') AND t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)
        AND t.relkind = 'r'`,
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  for (const key of keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
  const addConstraint = (c: Definition): string => `ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.definition}`;
  return [...keys.map(addConstraint), ...indexes.map((index) => index.definition), ...foreignKeys.map(addConstraint)];
}

async function definitions(client: pg.Client, query: string): Promise<Definition[]> {
  return (await client.query<Definition>(`${query} ORDER BY 1, 2`, [BULK_TABLES])).rows;
}

/**
 * The load computes the audit chain itself (as `audit_chain_append()` would, record by record, under one row
 * lock: far too slow for millions), so the chaining trigger is off during the load, if this schema still has
 * one (a schema that seals records after commit leaves sealed ones alone). Returns the statement that puts it
 * back on, inside the same transaction.
 */
export async function suspendChainTrigger(client: pg.Client): Promise<string[]> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM pg_trigger WHERE tgrelid = 'declaration_event'::regclass AND tgname = 'TR_declaration_event_chain'`,
  );
  if (!rowCount) return [];
  await client.query(`ALTER TABLE declaration_event DISABLE TRIGGER "TR_declaration_event_chain"`);
  return [`ALTER TABLE declaration_event ENABLE TRIGGER "TR_declaration_event_chain"`];
}

/** One COPY … FROM STDIN of lines in the text format. */
export async function copyLines(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  lines: string[],
): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([lines.join('')]), stream);
}

/** One COPY … FROM STDIN (FORMAT binary) of a finished BinaryCopyWriter's chunks. */
export async function copyBinary(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  chunks: Buffer[],
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from(chunks), stream);
}

/** Leaves each gate-day counter at the highest serial used, so the next real submission gets the next one. */
export async function saveCounters(client: pg.Client, counters: ReadonlyMap<string, number>): Promise<void> {
  const keys = [...counters.keys()].map((k) => k.split('|'));
  await client.query(
    `INSERT INTO reference_counter (gate_code, day, last_value)
     SELECT * FROM unnest($1::text[], $2::date[], $3::int[])
     ON CONFLICT (gate_code, day) DO UPDATE SET last_value = greatest(reference_counter.last_value, excluded.last_value)`,
    [keys.map((k) => k[0]), keys.map((k) => k[1]), [...counters.values()]],
  );
  // Schemas with per-gate reference sequences (migrations/1795759200000-ReferenceSerials.ts) move them past these.
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT to_regprocedure('sync_reference_serials()') IS NOT NULL AS present`,
  );
  if (rows[0].present) await client.query('SELECT sync_reference_serials()');
}

export async function saveGateLoad(client: pg.Client, load: ReadonlyMap<string, number>): Promise<void> {
  const keys = [...load.keys()].map((k) => k.split('|'));
  await client.query(
    `INSERT INTO gate_day_load (gate_code, direction, day, accepted)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int[])
     ON CONFLICT (gate_code, direction, day) DO UPDATE SET accepted = gate_day_load.accepted + excluded.accepted`,
    [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2]), [...load.values()]],
  );
}

/**
 * The first locks of the load, before any table: the audit chain head and the event dispatcher's cursor. A running
 * worker's sealer and dispatcher take these rows first (SKIP LOCKED) and only then read the audit log; held here,
 * they skip their turn until the load commits, instead of each waiting on a table the load holds while the load
 * waits on their row (a deadlock). Returns the head the loaded chain continues from.
 */
export async function holdChainHead(client: pg.Client): Promise<{ seq: number; hash: Buffer }> {
  const { rows } = await client.query<{ seq: string; hash: Buffer }>(
    'SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
  );
  await client.query(`SELECT 1 FROM event_cursor WHERE name = 'dispatcher' FOR UPDATE`);
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

/** Tables the load fills, taken whole before the history goes in: the service waits for them until commit. */
export async function lockBulkTables(client: pg.Client): Promise<void> {
  await client.query(`LOCK TABLE ${BULK_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`);
}

const DEADLOCK_DETECTED = '40P01';
const DEADLOCK_RETRIES = 5;

/**
 * Runs `work` (taking table locks) under a savepoint. When PostgreSQL ends a deadlock by failing the load's
 * statement (a service transaction held one table and wanted another the load had just taken), the savepoint gives
 * back what `work` took, and it runs again a moment later: the service's transaction has finished meanwhile.
 */
export async function retryOnDeadlock<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    await client.query('SAVEPOINT take_locks');
    try {
      const result = await work();
      await client.query('RELEASE SAVEPOINT take_locks');
      return result;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT take_locks');
      if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt === DEADLOCK_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** The chain head meets the last record loaded; the event dispatcher starts after history, not replaying it. */
export async function saveChainHead(client: pg.Client, seq: number, hash: Buffer): Promise<void> {
  await client.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq, hash]);
  await client.query(
    `INSERT INTO event_cursor (name, seq) VALUES ('dispatcher', $1) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq`,
    [seq],
  );
}
