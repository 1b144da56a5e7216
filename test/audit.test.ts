import { AuditVerifier } from '../src/modules/declarations/audit-verifier.js';
import { settled, submit } from './support/api.js';
import { declarationBody } from './support/factories.js';
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
  });
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
});
