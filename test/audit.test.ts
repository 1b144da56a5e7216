import { readFileSync } from 'node:fs';
import { SetBasedSealing1795762800000 } from '../migrations/1795762800000-SetBasedSealing.js';
import { AuditVerifier } from '../src/modules/audit/audit-verifier.service.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually } from './support/factories.js';
import { cli } from './support/processes.js';
import { startTestApp, startWithCompany, type TestApp, type TestCompany } from './support/test-app.js';

describe('the audit log', () => {
  let t: TestApp;
  let company: TestCompany;
  let declarationId: string;

  beforeAll(async () => {
    ({ t, company } = await startWithCompany());
    declarationId = (await submit(t, company.apiKey, declarationBody())).json().id;
    await settled(t, company.apiKey, declarationId);
    await sealed(declarationId);
  });

  /** Waits until the worker's sealer has chained every record of the declaration. */
  function sealed(id: string): Promise<true> {
    return eventually(
      async () => {
        const open = await t.sql.one<{ n: number }>(
          'SELECT count(*)::int AS n FROM declaration_event WHERE declaration_id = $1 AND seq IS NULL',
          [id],
        );
        return open!.n === 0 || undefined;
      },
      10_000,
      'the audit records to be sealed',
    );
  }
  afterAll(() => t.close());

  it('records every move with who, where and when, chained by hash', async () => {
    const rows = await t.sql.rows<{
      seq: string;
      action: string;
      to_status: string;
      actor: string;
      gate_code: string;
      prev_hash: Buffer;
      hash: Buffer;
    }>(
      'SELECT seq, action, to_status, actor, gate_code, prev_hash, hash FROM declaration_event WHERE declaration_id = $1 ORDER BY seq',
      [declarationId],
    );
    expect(rows.map((r) => [r.action, r.to_status, r.actor.split(':')[0], r.gate_code])).toEqual([
      ['transition', 'submitted', 'company', 'HUU_NGHI'],
      ['transition', 'accepted', 'system', 'HUU_NGHI'],
    ]);
    for (const r of rows) expect(r.hash).toHaveLength(32);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it.each([
    ['update', `UPDATE declaration_event SET note = 'rewritten' WHERE declaration_id = $1`],
    ['delete', `DELETE FROM declaration_event WHERE declaration_id = $1`],
  ])('refuses to %s a record, in the database itself', async (_, statement) => {
    await expect(t.sql.rows(statement, [declarationId])).rejects.toThrow(/append-only/);
    await expect(t.sql.rows('TRUNCATE declaration_event')).rejects.toThrow(/append-only/);
  });

  it('detects a record edited behind the triggers, and names it', async () => {
    const target = await t.sql.one<{ seq: string; note: string | null }>(
      `SELECT seq, note FROM declaration_event WHERE declaration_id = $1 ORDER BY seq LIMIT 1`,
      [declarationId],
    );
    // What an attacker with superuser rights could do: switch the guard off and rewrite history.
    const tamper = async (note: string | null): Promise<void> => {
      await t.sql.dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE declaration_event DISABLE TRIGGER "TR_declaration_event_append_only"');
        await manager.query('UPDATE declaration_event SET note = $2 WHERE seq = $1', [target!.seq, note]);
        await manager.query('ALTER TABLE declaration_event ENABLE TRIGGER "TR_declaration_event_append_only"');
      });
    };
    await tamper('nothing to see here');
    try {
      expect(await t.app.get(AuditVerifier).verify()).toMatchObject({
        ok: false,
        broken: { seq: Number(target!.seq), problem: 'hash_mismatch' },
      });
      const viaCli = cli(['audit:verify'], { DATABASE_URL: t.config.database.url });
      expect(viaCli.status).toBe(1);
      expect(JSON.parse(viaCli.stdout)).toMatchObject({ ok: false, broken: { seq: Number(target!.seq) } });
    } finally {
      await tamper(target!.note);
    }
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
    const viaCli = cli(['audit:verify'], { DATABASE_URL: t.config.database.url });
    expect(viaCli.status).toBe(0);
  });

  describe('sealing', () => {
    // Writers insert unsealed records; the worker's sealer chains them after commit (no writer waits on a lock).
    const NOTE = `INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
                  VALUES ($1, 'HUU_NGHI', 'note', 'system:test', $2, date_trunc('milliseconds', now())) RETURNING id, at`;

    it('chains records written by many transactions at once, contiguously and verifiably', async () => {
      const before = await t.sql.one<{ seq: string }>('SELECT seq FROM audit_chain_head');
      await Promise.all(Array.from({ length: 40 }, (_, i) => t.sql.rows(NOTE, [declarationId, `burst ${i}`])));
      await sealed(declarationId);
      const burst = await t.sql.rows<{ seq: string }>(
        `SELECT seq FROM declaration_event WHERE declaration_id = $1 AND note LIKE 'burst %' ORDER BY seq`,
        [declarationId],
      );
      expect(burst).toHaveLength(40);
      expect(Number(burst[0].seq)).toBeGreaterThan(Number(before!.seq));
      expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
    });

    it('lets sealing set the chain once, and nothing else: not the content, not a second seal', async () => {
      // Inside one transaction the sealer cannot see the record: unsealed, as between commit and sealing.
      const forged = await t.sql.dataSource
        .transaction(async (manager) => {
          const [inserted] = await manager.query<{ id: string }[]>(NOTE, [declarationId, 'unsealed']);
          await manager.query(
            `UPDATE declaration_event SET note = 'forged', seq = -1, prev_hash = '\\x00', hash = '\\x00' WHERE id = $1`,
            [inserted.id],
          );
        })
        .then(
          () => 'accepted',
          (error: Error) => error.message,
        );
      expect(forged).toMatch(/append-only \(UPDATE refused\)/);
      const { id } = (await t.sql.one<{ id: string }>(NOTE, [declarationId, 'to be sealed']))!;
      await sealed(declarationId);
      await expect(t.sql.rows(`UPDATE declaration_event SET seq = seq + 1000000 WHERE id = $1`, [id])).rejects.toThrow(
        /append-only/,
      );
      expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
    });
  });
});

describe('audit_seal, one batch at a time', () => {
  // No worker in this app: nothing seals but the calls the tests make.
  let t: TestApp;
  let declarationId: string;

  // Unsealed notes alternating between this month's partition and a later month's, in id order.
  const NOTES_IN_TWO_MONTHS = `
    INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
    SELECT $1, 'HUU_NGHI', 'note', 'system:test', 'batch ' || g,
           date_trunc('milliseconds', now()) + CASE WHEN g % 2 = 0 THEN interval '1 month' ELSE interval '0' END
      FROM generate_series(1, $2::int) g ORDER BY g
    RETURNING id, tableoid::regclass::text AS partition`;

  const seal = async (max: number): Promise<number> =>
    (await t.sql.one<{ sealed: number }>('SELECT audit_seal($1) AS sealed', [max]))!.sealed;
  const head = async (): Promise<{ seq: string; hash: Buffer }> =>
    (await t.sql.one<{ seq: string; hash: Buffer }>('SELECT seq, hash FROM audit_chain_head'))!;
  const chainOf = (ids: string[]) =>
    t.sql.rows<{ seq: string; prev_hash: Buffer; hash: Buffer }>(
      'SELECT seq, prev_hash, hash FROM declaration_event WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids],
    );
  const hex = (b: Buffer): string => b.toString('hex');

  beforeAll(async () => {
    t = await startTestApp({ APP_ROLE: 'api' });
    const company = await t.createCompany();
    declarationId = (await submit(t, company.apiKey, declarationBody())).json().id;
    while ((await seal(2000)) > 0); // what earlier tests left unsealed
  });
  afterAll(() => t.close());

  it('seals several hundred records across two monthly partitions in one call: contiguous, linked, verifiable', async () => {
    const before = await head();
    const inserted = await t.sql.rows<{ id: string; partition: string }>(NOTES_IN_TWO_MONTHS, [declarationId, 600]);
    expect(new Set(inserted.map((r) => r.partition)).size).toBe(2);

    expect(await seal(2000)).toBe(600);

    const chain = await chainOf(inserted.map((r) => r.id));
    expect(chain.map((r) => Number(r.seq))).toEqual(inserted.map((_, i) => Number(before.seq) + 1 + i));
    expect(chain.map((r) => hex(r.prev_hash))).toEqual(
      [before.hash, ...chain.slice(0, -1).map((r) => r.hash)].map(hex),
    );
    const after = await head();
    expect({ seq: after.seq, hash: hex(after.hash) }).toEqual({ seq: chain[599].seq, hash: hex(chain[599].hash) });
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
    const viaCli = cli(['audit:verify'], { DATABASE_URL: t.config.database.url });
    expect(viaCli.status).toBe(0);
  });

  it('lets one sealer at a time hold the chain: another connection gets 0 meanwhile, and no seq is given twice', async () => {
    const before = await head();
    const inserted = await t.sql.rows<{ id: string }>(NOTES_IN_TWO_MONTHS, [declarationId, 400]);
    const unsealed = async (): Promise<number> =>
      (await t.sql.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM declaration_event WHERE id = ANY($1::bigint[]) AND seq IS NULL',
        [inserted.map((r) => r.id)],
      ))!.n;
    const sealers = [t.sql.dataSource.createQueryRunner(), t.sql.dataSource.createQueryRunner()];
    const sealOn = async (i: number, max: number): Promise<number> =>
      ((await sealers[i].query('SELECT audit_seal($1) AS sealed', [max])) as { sealed: number }[])[0].sealed;
    const sealedBy = [0, 0];
    try {
      await sealers[0].startTransaction();
      sealedBy[0] += await sealOn(0, 150);
      expect(sealedBy[0]).toBe(150);
      // The first holds the chain head until it commits: the second skips it.
      expect(await sealOn(1, 150)).toBe(0);
      await sealers[0].commitTransaction();
      // Then both at once, in small batches, until every record is sealed.
      await Promise.all(
        [0, 1].map(async (i) => {
          while ((await unsealed()) > 0) sealedBy[i] += await sealOn(i, 20);
        }),
      );
    } finally {
      for (const sealer of sealers) await sealer.release();
    }

    expect(sealedBy[0] + sealedBy[1]).toBe(400);
    const chain = await chainOf(inserted.map((r) => r.id));
    expect(chain.map((r) => Number(r.seq))).toEqual(inserted.map((_, i) => Number(before.seq) + 1 + i));
    expect(await t.sql.rows('SELECT seq FROM declaration_event GROUP BY seq HAVING count(*) > 1')).toEqual([]);
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it('seals a record whose transaction commits after later records were sealed: passed, pending, then sealed', async () => {
    const NOTE = `INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
                  VALUES ($1, 'HUU_NGHI', 'note', 'system:test', $2, date_trunc('milliseconds', now())) RETURNING id`;
    const slow = t.sql.dataSource.createQueryRunner();
    try {
      await slow.startTransaction();
      const [late] = (await slow.query(NOTE, [declarationId, 'committed late'])) as { id: string }[];
      const early = (await t.sql.one<{ id: string }>(NOTE, [declarationId, 'committed first']))!;
      expect(Number(early.id)).toBeGreaterThan(Number(late.id));
      expect(await seal(2000)).toBe(1);
      const passed = await t.sql.one<{ last_id: string; pending: boolean }>(
        'SELECT last_id, $1::bigint <@ pending_ids AS pending FROM audit_chain_head',
        [late.id],
      );
      expect(passed).toEqual({ last_id: early.id, pending: true });
      await slow.commitTransaction();

      expect(await seal(2000)).toBe(1);
      const [lateRow, earlyRow] = await chainOf([late.id, early.id]);
      expect(Number(lateRow.seq)).toBe(Number(earlyRow.seq) + 1);
      expect(
        await t.sql.one<{ pending: boolean }>('SELECT $1::bigint <@ pending_ids AS pending FROM audit_chain_head', [
          late.id,
        ]),
      ).toEqual({ pending: false });
      expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
    } finally {
      await slow.release();
    }
  });

  it('undoes to the per-record function it replaced, byte for byte', async () => {
    const runner = t.sql.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await new SetBasedSealing1795762800000().down(runner);
      const [restored] = (await runner.query(`SELECT prosrc, proconfig FROM pg_proc WHERE proname = 'audit_seal'`)) as {
        prosrc: string;
        proconfig: string[] | null;
      }[];
      expect(restored.proconfig).toBeNull();
      expect(readFileSync('migrations/1795755600000-AuditSealing.ts', 'utf8')).toContain(
        `CREATE FUNCTION audit_seal(max_records integer) RETURNS integer LANGUAGE plpgsql AS $$${restored.prosrc}$$`,
      );
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
