import { AuditVerifier } from '../src/modules/audit/audit-verifier.service.js';
import { settled, submit } from './support/api.js';
import { declarationBody, machines } from './support/factories.js';
import { officer, type TestOfficer } from './support/officers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const GATE = 'TAN_THANH';

describe('many officers at once', () => {
  let t: TestApp;
  let company: { id: string; apiKey: string };
  let customs: TestOfficer[];
  let supervisor: TestOfficer;
  let yard: TestOfficer;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '20' });
    company = await t.createCompany();
    customs = await Promise.all(Array.from({ length: 10 }, () => officer(t, 'customs', [GATE])));
    supervisor = await officer(t, 'supervisor', [GATE]);
    yard = await officer(t, 'yard', [GATE]);
    await drainCustomsQueue();
  });
  afterAll(() => t.close());

  const claim = (who: TestOfficer) =>
    t.request({ method: 'POST', url: `/api/v1/gates/${GATE}/queues/customs/claim`, headers: who.headers });

  /** Other tests may have left trucks in this queue; serve them so the counts below are ours alone. */
  async function drainCustomsQueue(): Promise<void> {
    for (;;) {
      const res = await claim(customs[0]);
      if (res.statusCode === 204) return;
      await t.request({
        method: 'POST',
        url: `/api/v1/steps/${res.json().id}/decision`,
        headers: customs[0].headers,
        payload: { decision: 'pass' },
      });
    }
  }

  async function trucksInYard(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const d = await settled(
        t,
        company.apiKey,
        (await submit(t, company.apiKey, declarationBody({ gate: GATE, cargo: machines }))).json().id,
      );
      const checkIn = await t.request({
        method: 'POST',
        url: `/api/v1/gates/${GATE}/check-ins`,
        headers: yard.headers,
        payload: { plate: d.vehicle.plate },
      });
      expect(checkIn.statusCode).toBe(201);
      ids.push(d.id);
    }
    return ids;
  }

  it('never gives one step to two officers, even with 50 simultaneous claims for 30 steps', async () => {
    const declarations = await trucksInYard(30);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        claim(customs[i % customs.length]).then((res) => ({ res, by: customs[i % customs.length] })),
      ),
    );

    const won = answers.filter((a) => a.res.statusCode === 200);
    expect(answers.filter((a) => a.res.statusCode === 204)).toHaveLength(20);
    expect(won).toHaveLength(30);
    const stepIds = won.map((a) => a.res.json().id as string);
    expect(new Set(stepIds).size).toBe(30);

    const rows = await t.sql.rows<{ id: string; claimed_by: string; declaration_id: string }>(
      `SELECT id, claimed_by, declaration_id FROM clearance_step WHERE id = ANY($1::uuid[]) AND status = 'claimed'`,
      [stepIds],
    );
    expect(rows).toHaveLength(30);
    for (const a of won) expect(rows.find((r) => r.id === a.res.json().id)!.claimed_by).toBe(a.by.id);
    expect(new Set(rows.map((r) => r.declaration_id))).toEqual(new Set(declarations));
    const claims = await t.sql.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM declaration_event WHERE action = 'step.claimed' AND step_id = ANY($1::uuid[])`,
      [stepIds],
    );
    expect(claims!.n).toBe(30);

    // Give them back for the next test's clean queue.
    await Promise.all(
      won.map((a) =>
        t.request({
          method: 'POST',
          url: `/api/v1/steps/${a.res.json().id}/decision`,
          headers: a.by.headers,
          payload: { decision: 'pass' },
        }),
      ),
    );
  });

  it('lets exactly one of 20 simultaneous conflicting decisions win', async () => {
    const [declarationId] = await trucksInYard(1);
    const claimed = await claim(customs[0]);
    const step = claimed.json();
    expect(step.status).toBe('claimed');

    const decisions = Array.from({ length: 20 }, (_, i) => ({
      who: i % 2 === 0 ? customs[0] : supervisor,
      decision: i % 3 === 0 ? 'refuse' : 'pass',
    }));
    const answers = await Promise.all(
      decisions.map((d) =>
        t.request({
          method: 'POST',
          url: `/api/v1/steps/${step.id}/decision`,
          headers: d.who.headers,
          payload: { decision: d.decision, note: `by ${d.who.agency}` },
        }),
      ),
    );
    const winners = answers.filter((a) => a.statusCode === 200);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((a) => a.statusCode !== 200)) {
      expect(loser.statusCode).toBe(409);
      expect(['STEP.ILLEGAL_DECISION', 'STEP.CONCURRENT_DECISION']).toContain(loser.json().code);
    }

    const outcome = winners[0].json();
    const stored = await t.sql.one<{ status: string; declaration_status: string }>(
      `SELECT s.status, d.status AS declaration_status FROM clearance_step s JOIN declaration d ON d.id = s.declaration_id WHERE s.id = $1`,
      [step.id],
    );
    expect(stored).toEqual({ status: outcome.step.status, declaration_status: outcome.declarationStatus });
    expect(stored!.declaration_status).toBe(outcome.step.status === 'refused' ? 'refused' : 'in_yard');
    const decided = await t.sql.rows(
      `SELECT 1 FROM declaration_event WHERE step_id = $1 AND action IN ('step.passed', 'step.refused')`,
      [step.id],
    );
    expect(decided).toHaveLength(1);
    const moves = await t.sql.rows(
      `SELECT to_status FROM declaration_event WHERE declaration_id = $1 AND action = 'transition'`,
      [declarationId],
    );
    expect(moves.length).toBe(outcome.declarationStatus === 'refused' ? 4 : 3);

    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });
});
