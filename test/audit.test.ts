import { AuditVerifier } from '../src/modules/declarations/audit-verifier.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually } from './support/factories.js';
import { cli } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the audit log', () => {
  let t: TestApp;
  let company: { id: string; apiKey: string };
  let declarationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    company = await t.createCompany();
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
      const viaCli = cli(['audit:verify'], { DATABASE_URL: t.config.DATABASE_URL });
      expect(viaCli.status).toBe(1);
      expect(JSON.parse(viaCli.stdout)).toMatchObject({ ok: false, broken: { seq: Number(target!.seq) } });
    } finally {
      await tamper(target!.note);
    }
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
    const viaCli = cli(['audit:verify'], { DATABASE_URL: t.config.DATABASE_URL });
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
