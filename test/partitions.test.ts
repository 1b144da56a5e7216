import pg from 'pg';
import { DataSource } from 'typeorm';
import { MonthlyPartitions1795748400000 } from '../migrations/1795748400000-MonthlyPartitions.js';
import { MIGRATIONS } from '../migrations/index.js';
import { Sql } from '../src/database/sql.js';
import { AuditChainWalk, AuditVerifier } from '../src/modules/audit/audit-verifier.service.js';
import { QueueRegistry } from '../src/modules/queue/queue-registry.service.js';
import { QueueName } from '../src/modules/queue/queue-names.js';
import { PartitionMaintenance } from '../src/modules/retention/partition-maintenance.service.js';
import { PURGE_BATCH, RetentionPurge } from '../src/modules/retention/retention-purge.service.js';
import { RETENTION_SCHEDULER_ID } from '../src/modules/retention/retention.processor.js';
import { settled, submit } from './support/api.js';
import { declarationBody } from './support/factories.js';
import { cli } from './support/processes.js';
import { startTestApp, startWithCompany, type TestApp, type TestCompany } from './support/test-app.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

/** `declaration_event_y2026m11` for the Vietnam-local month `offset` months from now. */
function partitionOf(offset: number, table = 'declaration_event'): string {
  const local = new Date(Date.now() + 7 * 3_600_000); // Asia/Ho_Chi_Minh is UTC+7 all year
  const month = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1));
  return `${table}_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function partitionsOf(sql: Sql, table: string): Promise<{ name: string; bound: string }[]> {
  return sql.rows(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
    [table],
  );
}

describe('the audit log, partitioned by month', () => {
  let t: TestApp;
  let company: TestCompany;

  beforeAll(async () => ({ t, company } = await startWithCompany()));
  afterAll(() => t.close());

  it('is partitioned by range of `at`, with this month and three ahead, and no default partition', async () => {
    const kind = await t.sql.one<{ strategy: string; key: string }>(
      `SELECT p.partstrat AS strategy, pg_get_partkeydef(p.partrelid) AS key
         FROM pg_partitioned_table p WHERE p.partrelid = 'declaration_event'::regclass`,
    );
    expect(kind).toEqual({ strategy: 'r', key: 'RANGE (at)' });
    const partitions = await partitionsOf(t.sql, 'declaration_event');
    const names = partitions.map((p) => p.name);
    for (const offset of [0, 1, 2, 3]) expect(names).toContain(partitionOf(offset));
    expect(partitions.some((p) => p.bound === 'DEFAULT')).toBe(false);
    // Bounds are Vietnam's local midnights: 17:00 UTC of the last day of the previous month.
    const current = partitions.find((p) => p.name === partitionOf(0))!;
    expect(current.bound).toMatch(
      /^FOR VALUES FROM \('\d{4}-\d\d-\d\d 17:00:00\+00'\) TO \('\d{4}-\d\d-\d\d 17:00:00\+00'\)$/,
    );
  });

  it('keeps the keys, indexes, FK and triggers, each key including `at`', async () => {
    const constraints = await t.sql.rows<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'declaration_event'::regclass ORDER BY conname`,
    );
    expect(constraints).toEqual([
      { name: 'FK_declaration_event_declaration', def: 'FOREIGN KEY (declaration_id) REFERENCES declaration(id)' },
      { name: 'UQ_declaration_event_seq', def: 'UNIQUE (seq, at)' },
      { name: 'declaration_event_pkey', def: 'PRIMARY KEY (id, at)' },
    ]);
    const triggers = await t.sql.rows<{ tgname: string }>(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`,
      [partitionOf(0)],
    );
    expect(triggers.map((r) => r.tgname)).toEqual([
      'TR_declaration_event_append_only',
      'TR_declaration_event_no_truncate',
    ]);
  });

  it("writes a submission and its screening into this month's partition, and the chain verifies", async () => {
    const id = (await submit(t, company.apiKey, declarationBody())).json().id as string;
    await settled(t, company.apiKey, id);
    const rows = await t.sql.rows<{ partition: string; to_status: string }>(
      `SELECT tableoid::regclass::text AS partition, to_status FROM declaration_event
        WHERE declaration_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { partition: partitionOf(0), to_status: 'submitted' },
      { partition: partitionOf(0), to_status: 'accepted' },
    ]);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it.each([
    ['update', (table: string) => `UPDATE ${table} SET note = 'rewritten' WHERE seq = (SELECT max(seq) FROM ${table})`],
    ['delete', (table: string) => `DELETE FROM ${table} WHERE seq = (SELECT max(seq) FROM ${table})`],
    ['truncate', (table: string) => `TRUNCATE ${table}`],
  ])('refuses to %s audit records, through the parent and on a partition itself', async (_, statement) => {
    for (const table of ['declaration_event', partitionOf(0)]) {
      await expect(t.sql.rows(statement(table))).rejects.toThrow(/append-only/);
    }
  });

  it('ensure_monthly_partitions creates what is missing, once, with the TRUNCATE guard', async () => {
    const ensure = (from: string, to: string) =>
      t.sql.one<{ n: number }>(`SELECT ensure_monthly_partitions('declaration_event', $1, $2) AS n`, [from, to]);
    try {
      expect(await ensure('2090-01-15', '2090-03-01')).toEqual({ n: 3 });
      expect(await ensure('2090-01-01', '2090-03-31')).toEqual({ n: 0 });
      expect(await ensure('2089-12-01', '2090-04-01')).toEqual({ n: 2 });
      const made = (await partitionsOf(t.sql, 'declaration_event')).filter((p) => /_y20(89|90)m/.test(p.name));
      expect(made.map((p) => p.name)).toEqual([
        'declaration_event_y2089m12',
        'declaration_event_y2090m01',
        'declaration_event_y2090m02',
        'declaration_event_y2090m03',
        'declaration_event_y2090m04',
      ]);
      expect(made[1].bound).toBe("FOR VALUES FROM ('2089-12-31 17:00:00+00') TO ('2090-01-31 17:00:00+00')");
      await expect(t.sql.rows('TRUNCATE declaration_event_y2090m02')).rejects.toThrow(/append-only/);
    } finally {
      await t.sql.rows(`DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT relname FROM pg_class WHERE relkind = 'r' AND relname ~ '^declaration_event_y20(89|90)m' LOOP
          EXECUTE format('DROP TABLE %I', r.relname);
        END LOOP; END $$`);
    }
    await expect(
      t.sql.rows(`SELECT ensure_monthly_partitions('declaration', '2090-01-01', '2090-02-01')`),
    ).rejects.toThrow(/not a partitioned table/);
    await expect(
      t.sql.rows(`SELECT ensure_monthly_partitions('declaration_event', '2090-02-01', '2090-01-01')`),
    ).rejects.toThrow(/bad month range/);
  });

  it('refuses, loudly, a record whose month has no partition, and leaves the chain as it was', async () => {
    const id = (await submit(t, company.apiKey, declarationBody())).json().id as string;
    await expect(
      t.sql.rows(
        `INSERT INTO declaration_event (declaration_id, gate_code, action, to_status, actor, at)
         VALUES ($1, 'HUU_NGHI', 'transition', 'submitted', 'system:test', '1999-12-31T12:00:00Z')`,
        [id],
      ),
    ).rejects.toThrow(/no partition of relation "declaration_event" found for row/);
    expect(await t.sql.rows(`SELECT 1 FROM declaration_event WHERE at < '2000-01-01'`)).toEqual([]);
    await settled(t, company.apiKey, id);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it('makes the partitions ahead again at worker start, by the daily job, and by the CLI', async () => {
    const farthest = partitionOf(3);
    await t.sql.rows(`DROP TABLE ${farthest}`); // empty: three months ahead
    expect(await t.app.get(PartitionMaintenance).ensureAhead()).toEqual([
      { table: 'declaration_event', from: expect.stringMatching(/^\d{4}-\d\d$/), to: expect.any(String), created: 1 },
    ]);
    expect((await partitionsOf(t.sql, 'declaration_event')).map((p) => p.name)).toContain(farthest);
    const viaCli = cli(['partitions:ensure'], { DATABASE_URL: t.config.database.url });
    expect(viaCli.status).toBe(0);
    expect(JSON.parse(viaCli.stdout)).toEqual({
      partitions: [{ table: 'declaration_event', from: expect.any(String), to: expect.any(String), created: 0 }],
    });
    const scheduler = await t.app.get(QueueRegistry).get(QueueName.Maintenance).getJobScheduler(RETENTION_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '15 3 * * *', tz: 'Asia/Ho_Chi_Minh' });
  });
});

describe('the purge of short-lived rows', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_RETENTION_DAYS: '7', IDEMPOTENCY_KEY_RETENTION_DAYS: '30' });
  });
  afterAll(() => t.close());

  it('deletes relayed outbox messages and idempotency records past their time, in batches, and nothing else', async () => {
    const company = await t.createCompany();
    const outbox = await t.sql.rows<{ id: string; job_id: string }>(
      `INSERT INTO outbox_message (queue, job_name, job_id, payload, created_at, relayed_at)
       SELECT 'stats', 'purge-test', 'purge-' || kind || '-' || g, '{}', now() - created, now() - relayed
         FROM (VALUES ('old', interval '9 days', interval '8 days', ${PURGE_BATCH + 3}),
                      ('recent', interval '9 days', interval '6 days', 2),
                      ('unrelayed', interval '40 days', NULL, 2)) AS v(kind, created, relayed, n)
        CROSS JOIN LATERAL generate_series(1, v.n) g
       RETURNING id, job_id`,
    );
    await t.sql.rows(
      `INSERT INTO idempotency_record (company_id, key, request_hash, state, created_at, locked_at)
       VALUES ($1, 'purge-old', 'h', 'completed', now() - interval '31 days', now() - interval '31 days'),
              ($1, 'purge-old-in-flight', 'h', 'in_flight', now() - interval '31 days', now() - interval '31 days'),
              ($1, 'purge-recent', 'h', 'completed', now() - interval '29 days', now() - interval '29 days')`,
      [company.id],
    );

    const purged = await t.app.get(RetentionPurge).purge();

    expect(purged.outboxMessages).toBeGreaterThanOrEqual(PURGE_BATCH + 3);
    expect(purged.idempotencyRecords).toBeGreaterThanOrEqual(2);
    const left = await t.sql.rows<{ job_id: string }>(
      `SELECT job_id FROM outbox_message WHERE id = ANY($1::bigint[]) ORDER BY job_id`,
      [outbox.map((o) => o.id)],
    );
    expect(left.map((r) => r.job_id)).toEqual([
      'purge-recent-1',
      'purge-recent-2',
      'purge-unrelayed-1',
      'purge-unrelayed-2',
    ]);
    const keys = await t.sql.rows<{ key: string }>(`SELECT key FROM idempotency_record WHERE company_id = $1`, [
      company.id,
    ]);
    expect(keys.map((k) => k.key)).toEqual(['purge-recent']);
    await t.sql.rows(`DELETE FROM outbox_message WHERE id = ANY($1::bigint[])`, [outbox.map((o) => o.id)]);
  });
});

describe('the MonthlyPartitions migration on a database with history', () => {
  const url = new URL(TEST_DATABASE_URL);
  const name = `${decodeURIComponent(url.pathname.slice(1))}_premigration`;
  url.pathname = `/${name}`;
  const position = MIGRATIONS.indexOf(MonthlyPartitions1795748400000);
  const before = MIGRATIONS.slice(0, position);
  const through = MIGRATIONS.slice(0, position + 1); // later migrations may follow; undo must reach this one
  let dataSource: DataSource;
  let sql: Sql;

  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const open = async (migrations: typeof MIGRATIONS): Promise<void> => {
    await dataSource?.destroy();
    dataSource = new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations,
      migrationsTableName: 'typeorm_migrations',
    });
    await dataSource.initialize();
    sql = new Sql(dataSource);
  };
  // Every column of every record, in chain order: equal fingerprints mean the rows were kept byte for byte.
  const fingerprint = async (): Promise<{ rows: number; md5: string }> =>
    (await sql.one<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(string_agg(e::text, E'\\n' ORDER BY seq)) AS md5 FROM declaration_event e`,
    ))!;
  const relkind = async (): Promise<string> =>
    (await sql.one<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'declaration_event'`))!.relkind;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${name}"`);
    await open(before);
    await dataSource.runMigrations({ transaction: 'each' });
    // 300 declarations over the last 14 months, 6 records each, appended through the chain trigger as the
    // service does (a declaration row must exist for the FK), with notes, reasons and steps to hash.
    await sql.rows(`INSERT INTO company (name, tax_code) VALUES ('History', '0109999999')`);
    await sql.rows(`
      INSERT INTO declaration (reference, company_id, gate_code, direction, status, plate, vehicle_nationality,
        expected_arrival_at, arrival_day, driver_full_name, driver_document_number, driver_document_kind,
        driver_nationality, cargo_description, cargo_gross_weight_kg, cargo_perishable, created_at, updated_at)
      SELECT 'HIST-' || g, c.id, CASE WHEN g % 2 = 0 THEN 'HUU_NGHI' ELSE 'TAN_THANH' END, 'export', 'exited',
             '12C-' || lpad(g::text, 6, '0'), 'VN', ts, ts::date, 'Lê Thị Hoa', '001' || lpad(g::text, 9, '0'), 'cccd',
             'VN', 'longan', 1000, false, ts, ts
        FROM company c, generate_series(1, 300) g,
             LATERAL (SELECT date_trunc('milliseconds', now() - interval '14 months' + g * interval '1 day 9 hours') AS ts) x
       WHERE c.tax_code = '0109999999'`);
    await sql.rows(`
      INSERT INTO declaration_event (declaration_id, gate_code, action, from_status, to_status, actor, agency, step_id,
                                     note, reasons, at)
      SELECT d.id, d.gate_code, s.action, s.from_status, s.to_status, 'system:history', s.agency,
             CASE WHEN s.agency IS NOT NULL THEN gen_random_uuid() END, s.note, s.reasons, d.created_at + s.k * interval '7 minutes'
        FROM declaration d
       CROSS JOIN (VALUES
         (0, 'transition', NULL, 'submitted', NULL, NULL, NULL::jsonb),
         (1, 'transition', 'submitted', 'accepted', NULL, NULL, '[]'::jsonb),
         (2, 'transition', 'accepted', 'in_yard', 'yard', 'bãi Phú Xá', NULL),
         (3, 'step.passed', NULL, NULL, 'customs', 'kiểm hóa | ok', '[{"code":"X","detail":"ü"}]'),
         (4, 'transition', 'in_yard', 'cleared', NULL, NULL, NULL),
         (5, 'transition', 'cleared', 'exited', NULL, NULL, NULL)) AS s(k, action, from_status, to_status, agency, note, reasons)
       WHERE d.reference LIKE 'HIST-%'
       ORDER BY d.created_at, s.k`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('keeps every record byte for byte, and the chain, through up, down and up again', async () => {
    const history = await fingerprint();
    expect(history.rows).toBe(1800);
    expect(await new AuditChainWalk(sql).walk()).toMatchObject({ ok: true, records: 1800 });

    await open(through);
    expect((await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual([
      'MonthlyPartitions1795748400000',
    ]);
    expect(await relkind()).toBe('p');
    expect(await fingerprint()).toEqual(history);
    expect(await new AuditChainWalk(sql).walk()).toMatchObject({ ok: true, records: 1800 });
    const months = await sql.rows<{ partition: string }>(
      `SELECT DISTINCT tableoid::regclass::text AS partition FROM declaration_event`,
    );
    expect(months.length).toBeGreaterThanOrEqual(14);

    // The chain goes on from the copied head, and ids from the same sequence.
    const last = await sql.one<{ id: string; seq: string }>(
      'SELECT max(id)::text AS id, max(seq)::text AS seq FROM declaration_event',
    );
    const appended = await sql.one<{ id: string; seq: string; partition: string }>(
      `INSERT INTO declaration_event (declaration_id, gate_code, action, to_status, actor, at)
       SELECT id, gate_code, 'note', NULL, 'system:test', date_trunc('milliseconds', now()) FROM declaration LIMIT 1
       RETURNING id::text, seq::text, tableoid::regclass::text AS partition`,
    );
    expect(appended).toEqual({
      id: String(Number(last!.id) + 1),
      seq: String(Number(last!.seq) + 1),
      partition: partitionOf(0),
    });
    const withAppended = await fingerprint();
    expect(await new AuditChainWalk(sql).walk()).toMatchObject({ ok: true, records: 1801 });

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await relkind()).toBe('r');
    expect(await fingerprint()).toEqual(withAppended);
    expect(await new AuditChainWalk(sql).walk()).toMatchObject({ ok: true, records: 1801 });
    await expect(sql.rows('TRUNCATE declaration_event')).rejects.toThrow(/append-only/);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await relkind()).toBe('p');
    expect(await fingerprint()).toEqual(withAppended);
    expect(await new AuditChainWalk(sql).walk()).toMatchObject({ ok: true, records: 1801 });
  });
});
