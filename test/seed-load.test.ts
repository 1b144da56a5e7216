import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { cli } from './support/processes.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

// A throwaway database beside the suite's own (which global setup migrated fresh: the index reference).
const seedUrl = (() => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/border_gate_seed_test_${randomBytes(4).toString('hex')}`;
  return url.toString();
})();
// The tools' own build (`npm run build:tools`, run by `npm test`), apart from the service's dist/.
const SEED_LOAD = 'dist-tools/tools/seed-load/main.js';
const DECLARATIONS = 3000;
const LIVE = ['submitted', 'accepted', 'in_yard', 'cleared', 'refused'];
const ALL_STATUSES = [...LIVE, 'rejected', 'cancelled', 'expired', 'exited'];

function seedLoad(...args: string[]) {
  if (!existsSync(SEED_LOAD)) throw new Error(`${SEED_LOAD} is missing: run \`npm run build:tools\``);
  return spawnSync(process.execPath, [SEED_LOAD, '--database-url', seedUrl, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Index names and definitions of the tables (partitions left out: their number follows the data's months). */
const INDEXES = `
  SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
    JOIN pg_class t ON t.relname = i.tablename AND t.relnamespace = 'public'::regnamespace
   WHERE i.schemaname = 'public' AND NOT t.relispartition
   ORDER BY 1, 2`;

const CONSTRAINTS = `
  SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) AS definition, c.convalidated FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid AND t.relnamespace = 'public'::regnamespace
   WHERE NOT t.relispartition
   ORDER BY 1, 2`;

describe('seed:load', () => {
  let db: pg.Client;
  let summary: Record<string, number | string>;
  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[];

  beforeAll(async () => {
    const run = seedLoad('--declarations', String(DECLARATIONS), '--seed', '7', '--fresh');
    if (run.status !== 0) throw new Error(`seed:load failed (${run.status}):\n${run.stderr}`);
    summary = JSON.parse(run.stdout);
    db = new pg.Client({ connectionString: seedUrl });
    await db.connect();
  }, 300_000);

  afterAll(async () => {
    await db?.end();
    const admin = new URL(seedUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    await withClient(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('reports what it loaded', async () => {
    const [counts] = await rows<Record<string, string>>(`SELECT
      (SELECT count(*) FROM declaration) AS declarations, (SELECT count(*) FROM declaration_event) AS events,
      (SELECT count(*) FROM clearance_step) AS steps, (SELECT count(*) FROM company) AS companies,
      (SELECT count(DISTINCT plate) FROM declaration) AS plates`);
    expect(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]))).toEqual({
      declarations: DECLARATIONS,
      events: summary.events,
      steps: summary.steps,
      companies: summary.companies,
      plates: summary.plates,
    });
    expect(summary.seconds).toBeGreaterThan(0);
  });

  it('covers every status, both gates, both directions and both plate countries', async () => {
    const [mix] = await rows<Record<string, string[]>>(`SELECT array_agg(DISTINCT status) AS statuses,
      array_agg(DISTINCT gate_code) AS gates, array_agg(DISTINCT direction) AS directions,
      array_agg(DISTINCT vehicle_nationality) AS nationalities FROM declaration`);
    expect(mix.statuses.sort()).toEqual([...ALL_STATUSES].sort());
    expect(mix.gates.sort()).toEqual(['HUU_NGHI', 'TAN_THANH']);
    expect(mix.directions.sort()).toEqual(['export', 'import']);
    expect(mix.nationalities.sort()).toEqual(['CN', 'VN']);
  });

  it('keeps Chinese plates with their short form, as PlateNumber stores them', async () => {
    const bad = await rows(`SELECT plate FROM declaration
      WHERE (vehicle_nationality = 'CN') <> (plate_short IS NOT NULL) OR plate_short <> substr(plate, 2)`);
    expect(bad).toEqual([]);
  });

  it('gives a plate at most one live declaration, and it is the plate latest', async () => {
    const doubles = await rows(
      `SELECT plate FROM declaration WHERE status = ANY($1) GROUP BY plate HAVING count(*) > 1`,
      [LIVE],
    );
    expect(doubles).toEqual([]);
    const notLatest = await rows(
      `SELECT d.reference FROM declaration d
        WHERE d.status = ANY($1)
          AND EXISTS (SELECT 1 FROM declaration o WHERE o.plate = d.plate AND o.created_at > d.created_at)`,
      [LIVE],
    );
    expect(notLatest).toEqual([]);
    const oldLive = await rows(
      `SELECT reference FROM declaration WHERE status = ANY($1) AND created_at < now() - interval '4 days'`,
      [LIVE],
    );
    expect(oldLive).toEqual([]);
  });

  it('counts each gate-day slot held, as screening would', async () => {
    const mismatched = await rows(`
      WITH held AS (
        SELECT gate_code, direction, arrival_day AS day, count(*) AS n FROM declaration
         WHERE status IN ('accepted', 'in_yard', 'cleared', 'refused', 'exited') GROUP BY 1, 2, 3)
      SELECT * FROM gate_day_load l FULL JOIN held h USING (gate_code, direction, day)
       WHERE coalesce(l.accepted, 0) <> coalesce(h.n, 0)`);
    expect(mismatched).toEqual([]);
  });

  it('numbers references per gate and local day, with counters at the highest serial', async () => {
    const bad = await rows(`
      WITH used AS (
        SELECT gate_code, split_part(reference, '-', 2) AS day, max(split_part(reference, '-', 3)::int) AS serial,
               count(*) AS n
          FROM declaration GROUP BY 1, 2)
      SELECT u.*, c.last_value FROM used u
        LEFT JOIN reference_counter c ON c.gate_code = u.gate_code AND to_char(c.day, 'YYYYMMDD') = u.day
       WHERE c.last_value IS NULL OR c.last_value < u.serial OR u.serial <> u.n`);
    expect(bad).toEqual([]);
    const wrongDay = await rows(`SELECT reference FROM declaration d JOIN gate g ON g.code = d.gate_code
      WHERE reference <> g.reference_prefix || '-' || to_char(created_at AT TIME ZONE g.timezone, 'YYYYMMDD') || '-' || split_part(reference, '-', 3)`);
    expect(wrongDay).toEqual([]);
  });

  it('gives every declaration a timeline that starts with submitted and ends in its status', async () => {
    const broken = await rows(`
      WITH t AS (
        SELECT declaration_id, from_status, to_status,
               lag(to_status) OVER (PARTITION BY declaration_id ORDER BY seq) AS previous,
               row_number() OVER (PARTITION BY declaration_id ORDER BY seq) AS n,
               row_number() OVER (PARTITION BY declaration_id ORDER BY seq DESC) AS from_end
          FROM declaration_event WHERE action = 'transition')
      SELECT d.reference, d.status, t.* FROM declaration d LEFT JOIN t ON t.declaration_id = d.id
       WHERE t.declaration_id IS NULL
          OR (t.n = 1 AND (t.from_status IS NOT NULL OR t.to_status <> 'submitted'))
          OR (t.n > 1 AND t.from_status IS DISTINCT FROM t.previous)
          OR (t.from_end = 1 AND t.to_status <> d.status)
       LIMIT 5`);
    expect(broken).toEqual([]);
    const [versions] = await rows<{ bad: string }>(`SELECT count(*) AS bad FROM declaration d
      WHERE version <> 1 + (SELECT count(*) FROM declaration_event e WHERE e.declaration_id = d.id AND e.action = 'transition' AND e.from_status IS NOT NULL)`);
    expect(Number(versions.bad)).toBe(0);
  });

  it('keeps the public timeline on each declaration in step with its audit records', async () => {
    const differing = await rows(`
      SELECT d.reference FROM declaration d
       WHERE d.timeline IS DISTINCT FROM (
         SELECT jsonb_agg(jsonb_build_object('status', e.to_status,
                  'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e.seq)
           FROM declaration_event e WHERE e.declaration_id = d.id AND e.action = 'transition')
       LIMIT 5`);
    expect(differing).toEqual([]);
  });

  it('has clearance steps for exactly the trips that reached the yard, and queues for the trucks in it', async () => {
    const [mismatch] = await rows<{ n: string }>(`SELECT count(*) AS n FROM declaration d
      WHERE (d.arrived_at IS NOT NULL) <> EXISTS (SELECT 1 FROM clearance_step s WHERE s.declaration_id = d.id)`);
    expect(Number(mismatch.n)).toBe(0);
    const [fees] = await rows<{ n: string }>(`SELECT count(*) AS n FROM clearance_step s
      JOIN declaration d ON d.id = s.declaration_id
      WHERE s.kind = 'fee' AND s.status = 'passed' AND (s.fee_amount_vnd IS NULL OR s.payment_reference IS NULL)`);
    expect(Number(fees.n)).toBe(0);
    const unfinished = await rows(`SELECT d.reference FROM declaration d
      WHERE d.status IN ('cleared', 'exited') AND d.arrived_at IS NOT NULL AND d.reasons = '[]'
        AND EXISTS (SELECT 1 FROM clearance_step s WHERE s.declaration_id = d.id AND s.status <> 'passed')
        AND NOT EXISTS (SELECT 1 FROM clearance_step s WHERE s.declaration_id = d.id AND s.status = 'refused')`);
    expect(unfinished).toEqual([]);
    const [queued] = await rows<{ n: string }>(`SELECT count(*) AS n FROM clearance_step s
      JOIN declaration d ON d.id = s.declaration_id AND d.status = 'in_yard'
      WHERE s.status = 'waiting' AND s.ready_at IS NOT NULL`);
    expect(Number(queued.n)).toBeGreaterThan(0);
  });

  it('leaves an audit chain that audit:verify accepts, with the dispatcher at its head', async () => {
    const verify = cli(['audit:verify'], { DATABASE_URL: seedUrl });
    expect(verify.status).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, records: summary.events });
    const [cursor] = await rows<{ cursor: string; head: string }>(`SELECT
      (SELECT seq FROM event_cursor WHERE name = 'dispatcher') AS cursor, (SELECT seq FROM audit_chain_head) AS head`);
    expect(cursor.cursor).toBe(String(summary.events));
    expect(cursor.head).toBe(String(summary.events));
  });

  it('ends with exactly the indexes, constraints and triggers of a freshly migrated database', async () => {
    const fresh = await withClient(TEST_DATABASE_URL, async (c) => ({
      indexes: (await c.query(INDEXES)).rows,
      constraints: (await c.query(CONSTRAINTS)).rows,
    }));
    expect(await rows(INDEXES)).toEqual(fresh.indexes);
    expect(await rows(CONSTRAINTS)).toEqual(fresh.constraints);
    const disabled = await rows(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
    expect(disabled).toEqual([]);
  });

  it('refuses to load into a database that already holds declarations', () => {
    const again = seedLoad('--declarations', '10', '--quiet');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds declarations/);
  });

  it('refuses to drop a database whose name does not say it is disposable', () => {
    const run = spawnSync(
      process.execPath,
      [SEED_LOAD, '--database-url', 'postgres://postgres@127.0.0.1:5432/border_gate', '--fresh'],
      { encoding: 'utf8', env: { PATH: process.env.PATH } },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to drop database "border_gate"/);
  });
});
