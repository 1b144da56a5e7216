import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CheckpointSigner } from '../../src/modules/audit/audit-checkpoint.js';
import { freshMigratedDatabase } from '../support/databases.js';
import { DisposablePostgres } from '../support/postgres-server.js';
import { cli, startService } from '../support/processes.js';

/**
 * What someone with the database's superuser rights could do to the audit log: switch the triggers off for their
 * session (`session_replication_role = replica`) and rewrite history. Each case on a fresh database of a private
 * cluster; audit:verify is the real command with its exit code.
 */
describe('audit chain tampered with by a superuser', () => {
  const server = new DisposablePostgres();
  let db: pg.Client;
  let url: string;
  let checkpointDir: string;
  let cases = 0;

  beforeAll(() => server.start());
  afterAll(() => server.destroy());
  beforeEach(async () => {
    cases += 1;
    url = server.url(`audit_tamper_test_${cases}`);
    await freshMigratedDatabase(url);
    checkpointDir = mkdtempSync(join(tmpdir(), 'border-gate-tamper-'));
    db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query(`INSERT INTO company (name, tax_code) VALUES ('Tamper', '0108888888')`);
    await db.query(`
      INSERT INTO declaration (reference, company_id, gate_code, direction, status, plate, vehicle_nationality,
        expected_arrival_at, arrival_day, driver_full_name, driver_document_number, driver_document_kind,
        driver_nationality, cargo_description, cargo_gross_weight_kg, cargo_perishable, created_at, updated_at)
      SELECT 'TAMPER-1', c.id, 'HUU_NGHI', 'export', 'submitted', '12C-000001', 'VN', now(), now()::date,
             'Lê Thị Hoa', '001000000001', 'cccd', 'VN', 'longan', 1000, false, now(), now()
        FROM company c`);
  });
  afterEach(() => db.end());

  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    DATABASE_URL: url,
    AUDIT_CHECKPOINT_DIR: checkpointDir,
    ...extra,
  });
  const addRecords = async (n: number): Promise<void> => {
    await db.query(
      `INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
       SELECT d.id, d.gate_code, 'note', 'system:test', 'note ' || g, date_trunc('milliseconds', now())
         FROM declaration d, generate_series(1, $1::int) g ORDER BY g`,
      [n],
    );
  };
  const seal = async (): Promise<number> => (await db.query('SELECT audit_seal(2000) AS n')).rows[0].n as number;
  const verify = (extra: Record<string, string> = {}) => {
    const run = cli(['audit:verify', '--json'], env(extra));
    return { status: run.status, result: JSON.parse(run.stdout || 'null') as Record<string, unknown> | null };
  };
  const checkpoint = (): void => {
    const run = cli(['audit:checkpoint', '--json'], env());
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ written: true });
  };
  /** Runs `statements` with the triggers off, as a superuser can. */
  const asSuperuser = async (...statements: string[]): Promise<void> => {
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    for (const statement of statements) await db.query(statement);
    await db.query('COMMIT');
  };
  /** Moves the head back to record `seq`: its seq and hash, and with `lastId` the sealer's position too. */
  const windHeadBackTo = (seq: number, lastId = true): string =>
    `UPDATE audit_chain_head h SET seq = e.seq, hash = e.hash ${lastId ? ', last_id = e.id' : ''}
       FROM declaration_event e WHERE h.id = 1 AND e.seq = ${seq}`;
  const blankFrom = (seq: number): string =>
    `UPDATE declaration_event SET note = CASE WHEN seq = ${seq} THEN 'nothing happened' ELSE note END,
            seq = NULL, prev_hash = NULL, hash = NULL WHERE seq >= ${seq}`;

  it('verifies a clean chain and its checkpoints', async () => {
    await addRecords(30);
    expect(await seal()).toBe(30);
    checkpoint();
    await addRecords(5);
    expect(await seal()).toBe(5);
    checkpoint();
    expect(verify()).toEqual({
      status: 0,
      result: {
        ok: true,
        records: 35,
        checkpoints: { checked: 2, archived: 0, latest: expect.objectContaining({ seq: 35 }) },
      },
    });
  });

  it('catches a tail cut off with the head wound back, by the checkpoint taken before', async () => {
    await addRecords(30);
    await seal();
    checkpoint();
    await asSuperuser('DELETE FROM declaration_event WHERE seq > 20', windHeadBackTo(20));

    // The chain alone still holds together: only what was signed outside the database shows the cut.
    expect(verify({ AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'border-gate-none-')) })).toMatchObject({
      status: 0,
      result: { ok: true, records: 20 },
    });
    expect(verify()).toMatchObject({
      status: 1,
      result: { ok: false, records: 20, broken: { seq: 30, line: 1, problem: 'checkpoint_beyond_head' } },
    });
  });

  it('never re-seals an edited record whose seal was blanked: the sealer leaves it, the worker reports it, verify names it', async () => {
    await addRecords(30);
    await seal();
    checkpoint();
    const edited = (await db.query(`SELECT id FROM declaration_event WHERE seq = 25`)).rows[0].id as string;
    await asSuperuser(blankFrom(25), windHeadBackTo(24, false));

    expect(await seal()).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM declaration_event WHERE seq IS NULL')).rows[0].n).toBe(6);
    // Even without any checkpoint the blanked records give themselves away.
    expect(verify({ AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'border-gate-none-')) })).toMatchObject({
      status: 1,
      result: { ok: false, records: 24, broken: { id: edited, problem: 'unsealed_behind_head' } },
    });

    const worker = await startService({ ...env(), APP_ROLE: 'worker', LOG_LEVEL: 'info' });
    try {
      for (let i = 0; i < 100 && !worker.output().includes('have lost their seal'); i += 1)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.stop();
    }
    const report = worker
      .output()
      .split('\n')
      .find((line) => line.includes('have lost their seal'));
    expect(JSON.parse(report!)).toMatchObject({
      level: 50,
      component: 'audit-sealer',
      records: expect.arrayContaining([edited]),
    });
    expect(Number((await db.query('SELECT seq FROM audit_chain_head')).rows[0].seq)).toBe(24);
  });

  it('catches a blanked, edited and re-sealed tail, with the sealer position wound back too, by the checkpoint', async () => {
    await addRecords(30);
    await seal();
    checkpoint();
    const signed = (await db.query(`SELECT encode(hash, 'hex') AS hash FROM declaration_event WHERE seq = 30`)).rows[0];
    // Everything inside the database wound back: the sealer cannot tell this from records never sealed.
    await asSuperuser(blankFrom(25), windHeadBackTo(24));
    expect(await seal()).toBe(6);
    const resealed = (await db.query(`SELECT encode(hash, 'hex') AS hash FROM declaration_event WHERE seq = 30`))
      .rows[0];
    expect(resealed.hash).not.toBe(signed.hash);

    expect(verify({ AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'border-gate-none-')) })).toMatchObject({
      status: 0,
      result: { ok: true, records: 30 },
    });
    expect(verify()).toMatchObject({
      status: 1,
      result: { ok: false, records: 30, broken: { seq: 30, line: 1, problem: 'checkpoint_mismatch' } },
    });
  });

  it('names a record whose content was edited (hash_mismatch)', async () => {
    await addRecords(30);
    await seal();
    checkpoint();
    await asSuperuser(`UPDATE declaration_event SET note = 'rewritten' WHERE seq = 10`);
    expect(verify()).toMatchObject({ status: 1, result: { ok: false, broken: { seq: 10, problem: 'hash_mismatch' } } });
  });

  it('refuses a checkpoint line that was forged or altered, and accepts the previous key after a rotation', async () => {
    const first = 'first-secret-for-audit-checkpoints-0123456789';
    const second = 'second-secret-for-audit-checkpoints-0123456789';
    await addRecords(10);
    await seal();
    const writtenWithFirst = cli(['audit:checkpoint', '--json'], env({ AUTH_TOKEN_SECRET: first }));
    expect(writtenWithFirst.status).toBe(0);

    // Rotated: the new key verifies what the old one signed while AUTH_TOKEN_PREVIOUS_SECRET names it.
    expect(verify({ AUTH_TOKEN_SECRET: second, AUTH_TOKEN_PREVIOUS_SECRET: first })).toMatchObject({
      status: 0,
      result: { ok: true, checkpoints: { checked: 1 } },
    });
    expect(verify({ AUTH_TOKEN_SECRET: second })).toMatchObject({
      status: 1,
      result: { broken: { line: 1, problem: 'checkpoint_signature' } },
    });

    // A line altered after signing, and one signed with a key the service never had.
    const file = join(checkpointDir, 'audit-checkpoints.jsonl');
    const genuine = JSON.parse(readFileSync(file, 'utf8').trim()) as { seq: number; hash: string; at: string };
    appendFileSync(file, `${JSON.stringify({ ...genuine, seq: 5 })}\n`);
    expect(verify({ AUTH_TOKEN_SECRET: first })).toMatchObject({
      status: 1,
      result: { broken: { line: 2, problem: 'checkpoint_signature' } },
    });
    const forger = new CheckpointSigner('a-key-the-service-never-had-0123456789abcdef');
    writeLastLine(file, JSON.stringify(forger.sign({ seq: 5, hash: genuine.hash, at: genuine.at })));
    expect(verify({ AUTH_TOKEN_SECRET: first })).toMatchObject({
      status: 1,
      result: { broken: { line: 2, problem: 'checkpoint_signature' } },
    });
  });
});

function writeLastLine(file: string, line: string): void {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  lines[lines.length - 1] = line;
  appendFileSync(file, '', { flag: 'w' });
  appendFileSync(file, `${lines.join('\n')}\n`);
}
