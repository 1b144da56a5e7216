import { CallForwardService } from '../src/modules/regulation-yards/call-forward.service.js';
import { getDeclaration, settled, submit } from './support/api.js';
import { declarationBody, fruit, idempotencyKey, machines } from './support/factories.js';
import { gateCrew, postAs, type AgencyName, type TestOfficer } from './support/officers.js';
import { SseClient } from './support/sse.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';
import { eventually } from './support/factories.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const GATE = 'HUU_NGHI';
const HOUR = 3_600_000;

describe('regulation yards and the call forward', () => {
  let t: TestApp;
  let company: TestCompany;
  let aeoCompany: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  let receiver: WebhookReceiver;
  let saved: { yard_capacity: number };
  const mine: string[] = [];

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    // The worker's own call forward stays out of the way; the tests run it themselves.
    t = await startTestApp({ CALL_FORWARD_INTERVAL_MS: '600000', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    company = await t.createCompany('Yard Transport Co');
    aeoCompany = await t.createCompany('Trusted Carrier Co');
    await t.sql.rows('UPDATE company SET authorised_economic_operator = true WHERE id = $1', [aeoCompany.id]);
    crew = await gateCrew(t, GATE);
    saved = (await t.sql.one<{ yard_capacity: number }>('SELECT yard_capacity FROM gate WHERE code = $1', [GATE]))!;
    // A long look-ahead: the gate yard's room, set per test, is what bounds the calls.
    await t.sql.rows(`UPDATE call_rule SET look_ahead = interval '8 hours' WHERE gate_code = $1`, [GATE]);
    await t.sql.rows(
      `INSERT INTO gate_capacity_exception (gate_code, starts_at, ends_at, capacity_per_hour, reason)
       VALUES ($1, date_trunc('hour', now()) - interval '1 hour', date_trunc('hour', now()) + interval '3 hours', 100,
               'test: regulation yards')`,
      [GATE],
    );
  });

  afterAll(async () => {
    // No truck left waiting or called: cancel them, and let a run end their waits.
    for (const id of mine) {
      const row = await t.sql.one<{ status: string; company_id: string }>(
        'SELECT status, company_id FROM declaration WHERE id = $1',
        [id],
      );
      if (row?.status === 'waiting_at_yard') await cancel(row.company_id === aeoCompany.id ? aeoCompany : company, id);
    }
    await t.app.get(CallForwardService).runGate(GATE);
    await t.sql.rows('UPDATE gate SET yard_capacity = $2 WHERE code = $1', [GATE, saved.yard_capacity]);
    await t.sql.rows(
      `UPDATE call_rule SET look_ahead = interval '1 hour', reach_margin = interval '30 minutes', missed_calls_allowed = 1
        WHERE gate_code = $1`,
      [GATE],
    );
    await t.sql.rows(
      `UPDATE priority_cycle SET position = 0, turns = '[{"class":"perishable","turns":1},{"class":"aeo","turns":1},{"class":"empty_return","turns":1},{"class":"general","turns":5}]'
        WHERE gate_code = $1`,
      [GATE],
    );
    await t.sql.rows(`UPDATE gate_capacity_exception SET removed_at = now() WHERE reason = 'test: regulation yards'`);
    await t.close();
    await receiver.close();
  });

  const get = (url: string, who: TestOfficer) => t.request({ method: 'GET', url, headers: who.headers });
  const runGate = () => t.app.get(CallForwardService).runGate(GATE);

  function cancel(c: TestCompany, id: string) {
    return t.request({
      method: 'POST',
      url: `/api/v1/declarations/${id}/cancel`,
      headers: { authorization: `Bearer ${c.apiKey}`, 'idempotency-key': idempotencyKey() },
    });
  }

  async function accepted(options: { c?: TestCompany; perishable?: boolean } = {}): Promise<any> {
    const c = options.c ?? company;
    const res = await submit(
      t,
      c.apiKey,
      declarationBody({ gate: GATE, cargo: options.perishable ? fruit : machines }),
    );
    expect(res.statusCode).toBe(202);
    const d = await settled(t, c.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    mine.push(d.id);
    return d;
  }

  const yardCheckIn = (d: any, yard = 'PHU_XA') =>
    postAs(t, crew.yard, `/api/v1/regulation-yards/${yard}/check-ins`, { plate: d.vehicle.plate });
  const gateCheckIn = (payload: unknown) => postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/check-ins`, payload);

  /** The gate yard holds exactly `room` more vehicles than it has in it and on their way now. */
  async function roomFor(room: number): Promise<void> {
    await t.sql.rows(
      `UPDATE gate SET yard_capacity = $2 + (SELECT count(*) FROM declaration
         WHERE gate_code = $1 AND status IN ('in_yard', 'cleared', 'refused'))::int
         + (SELECT count(*) FROM yard_wait WHERE gate_code = $1 AND state = 'called')::int
       WHERE code = $1`,
      [GATE, room],
    );
  }

  it('takes a booked truck from the regulation yard to the gate when called, seen live and by webhook', async () => {
    const hook = await t.request({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { authorization: `Bearer ${company.apiKey}` },
      payload: {
        url: receiver.url('/yards'),
        events: ['declaration.waiting_at_yard', 'declaration.called_forward', 'declaration.in_yard'],
      },
    });
    expect(hook.statusCode).toBe(201);
    await roomFor(0);
    const d = await accepted();
    // Booked three hours ahead: too early at the gate.
    const later = new Date(Math.floor(Date.now() / HOUR) * HOUR + 3 * HOUR);
    await t.sql.rows('UPDATE declaration SET slot_start = $2 WHERE id = $1', [d.id, later]);

    const direct = await gateCheckIn({ plate: d.vehicle.plate });
    expect(direct.statusCode).toBe(409);
    expect(direct.json()).toMatchObject({
      code: 'CHECKIN.GO_TO_REGULATION_YARD',
      details: { reason: 'early', regulationYards: ['NON_TARIFF', 'PHU_XA'] },
    });

    const live = new SseClient(`${t.baseUrl}/api/v1/vehicles/${encodeURIComponent(d.vehicle.plate)}/events`);
    expect(await live.status).toBe(200);
    await live.take(1);

    const waiting = await yardCheckIn(d);
    expect(waiting.statusCode).toBe(201);
    expect(waiting.json()).toMatchObject({
      declarationId: d.id,
      status: 'waiting_at_yard',
      yard: 'PHU_XA',
      gate: GATE,
      placeInLine: expect.any(Number),
      slot: { start: later.toISOString(), end: new Date(later.getTime() + HOUR).toISOString() },
    });
    expect((await yardCheckIn(d)).json().code).toBe('YARD.ALREADY_WAITING');

    // The company, the gate's officers and the public see the wait.
    const owned = (await getDeclaration(t, company.apiKey, d.id)).json();
    expect(owned).toMatchObject({
      status: 'waiting_at_yard',
      regulationYard: { yard: 'PHU_XA', state: 'waiting', placeInLine: expect.any(Number), callDeadline: null },
      qrToken: expect.any(String),
    });
    const seen = (await get(`/api/v1/gates/${GATE}/declarations/${d.id}`, crew.customs)).json();
    expect(seen.regulationYard).toMatchObject({ yard: 'PHU_XA', state: 'waiting', missedCalls: 0 });
    const lookup = () =>
      t.request({ method: 'GET', url: `/api/v1/vehicles/${encodeURIComponent(d.vehicle.plate)}/status` });
    expect((await lookup()).json().regulationYard).toEqual({
      yard: 'PHU_XA',
      yardName: expect.stringContaining('Phú Xá'),
      state: 'waiting',
      placeInLine: expect.any(Number),
      calledAt: null,
      callDeadline: null,
    });
    // It has arrived, for amendments: a change is a request for the supervisor.
    const amend = await t.request({
      method: 'PATCH',
      url: `/api/v1/declarations/${d.id}`,
      headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': idempotencyKey() },
      payload: {
        driver: { fullName: 'Nguyễn Văn An', documentNumber: '020090001234', nationality: 'VN', phone: '+84912345679' },
      },
    });
    expect(amend.statusCode).toBe(202);

    const notYet = await gateCheckIn({ plate: d.vehicle.plate });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json()).toMatchObject({ code: 'CHECKIN.NOT_CALLED', details: { yard: 'PHU_XA' } });

    const line = await get('/api/v1/regulation-yards/PHU_XA/line', crew.yard);
    expect(line.statusCode).toBe(200);
    expect(line.json().waiting.find((r: any) => r.declarationId === d.id)).toMatchObject({
      priorityClasses: ['general'],
      missedCalls: 0,
      slot: { start: later.toISOString() },
    });

    // Room at the gate, but its hour is not due: not called.
    await roomFor(1);
    expect((await runGate()).called).toBe(0);
    // Its hour comes (booked for now): called.
    const now = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    await t.sql.rows('UPDATE declaration SET slot_start = $2 WHERE id = $1', [d.id, now]);
    expect(await runGate()).toMatchObject({ called: 1 });
    expect(await runGate()).toMatchObject({ called: 0 });

    const call = await eventually(
      () => Promise.resolve(live.events.find((e) => e.event === 'call')),
      10_000,
      'the call on the live stream',
    );
    expect(call.data).toMatchObject({
      plate: d.vehicle.plate,
      status: 'waiting_at_yard',
      gate: GATE,
      call: { state: 'called', yard: 'PHU_XA', deadline: expect.any(String) },
    });
    // PHU_XA is 20 minutes away; the margin is 30.
    const deadline = new Date(call.data.call.deadline).getTime();
    expect(deadline - Date.now()).toBeGreaterThan(45 * 60_000);
    expect(deadline - Date.now()).toBeLessThanOrEqual(50 * 60_000);

    expect((await lookup()).json().regulationYard).toMatchObject({
      state: 'called',
      placeInLine: null,
      callDeadline: call.data.call.deadline,
    });
    // A viewer reconnecting is replayed the call.
    const resumed = new SseClient(`${t.baseUrl}/api/v1/vehicles/${encodeURIComponent(d.vehicle.plate)}/events`, {
      'last-event-id': live.events[0].id!,
    });
    const replayed = await eventually(
      () => Promise.resolve(resumed.events.find((e) => e.event === 'call')),
      10_000,
      'the call replayed',
    );
    expect(replayed.data.call).toEqual(call.data.call);
    resumed.close();

    const called = (await get('/api/v1/regulation-yards/PHU_XA/line', crew.yard)).json().called;
    expect(called.find((r: any) => r.declarationId === d.id)).toMatchObject({
      callRule: expect.stringMatching(/^(perishable|aeo|empty_return|general) \(turn \d of 8/),
      callDeadline: call.data.call.deadline,
    });

    // The QR code the company had before the yard check-in still checks the called truck in at the gate.
    const atGate = await gateCheckIn({ qrToken: d.qrToken });
    expect(atGate.statusCode).toBe(201);
    expect(atGate.json()).toMatchObject({ status: 'in_yard', steps: expect.any(Array) });
    expect((await lookup()).json().regulationYard).toBeNull();
    const wait = await t.sql.one<any>('SELECT state, ended_at FROM yard_wait WHERE declaration_id = $1', [d.id]);
    expect(wait).toMatchObject({ state: 'arrived', ended_at: expect.any(Date) });

    const delivered = await eventually(
      () => {
        const got = receiver.requests.map((q) => JSON.parse(q.body)).filter((b) => b.data.declarationId === d.id);
        return Promise.resolve(got.length >= 3 ? got : undefined);
      },
      15_000,
      'three webhook deliveries',
    );
    expect(delivered.map((b) => b.type).sort()).toEqual([
      'declaration.called_forward',
      'declaration.in_yard',
      'declaration.waiting_at_yard',
    ]);
    expect(delivered.find((b) => b.type === 'declaration.called_forward').data.call).toMatchObject({
      state: 'called',
      yard: 'PHU_XA',
    });
    const actions = await t.sql.rows<{ action: string; to_status: string | null }>(
      'SELECT action, to_status FROM declaration_event WHERE declaration_id = $1 ORDER BY at, seq',
      [d.id],
    );
    expect(actions.map((a) => a.to_status ?? a.action)).toEqual(
      expect.arrayContaining(['waiting_at_yard', 'yard.called', 'in_yard']),
    );
    live.close();
  });

  it('calls in the priority cycle’s order, 1:1:1:5, and records the rule', async () => {
    await roomFor(0);
    await t.sql.rows(`UPDATE priority_cycle SET position = 0 WHERE gate_code = $1`, [GATE]);
    const general = [];
    for (let i = 0; i < 6; i += 1) general.push(await accepted());
    const perishable = [await accepted({ perishable: true }), await accepted({ perishable: true })];
    const aeo = await accepted({ c: aeoCompany });
    for (const d of [...general, ...perishable, aeo]) expect((await yardCheckIn(d, 'NON_TARIFF')).statusCode).toBe(201);

    await roomFor(8);
    const runs = await Promise.all([runGate(), runGate()]);
    expect(runs[0].called + runs[1].called).toBe(8);
    const calls = await t.sql.rows<{ declaration_id: string; call_rule: string }>(
      `SELECT w.declaration_id, w.call_rule FROM yard_wait w
        WHERE w.declaration_id = ANY ($1::uuid[]) AND w.state = 'called'
        ORDER BY substring(w.call_rule FROM 'turn (\\d+)')::int`,
      [[...general, ...perishable, aeo].map((d) => d.id)],
    );
    expect(calls.map((c) => [c.declaration_id, c.call_rule])).toEqual([
      [perishable[0].id, 'perishable (turn 1 of 8)'],
      [aeo.id, 'aeo (turn 2 of 8)'],
      [general[0].id, 'general (turn 3 of 8: no empty_return truck waiting)'],
      [general[1].id, 'general (turn 4 of 8)'],
      [general[2].id, 'general (turn 5 of 8)'],
      [general[3].id, 'general (turn 6 of 8)'],
      [general[4].id, 'general (turn 7 of 8)'],
      [general[5].id, 'general (turn 8 of 8)'],
    ]);
    const cycle = await get(`/api/v1/gates/${GATE}/priority-cycle`, crew.supervisor);
    expect(cycle.json()).toMatchObject({ position: 0, cycle: expect.arrayContaining(['general']) });

    // The gate yard is full with the called trucks: a truck arriving straight is sent to a yard.
    const direct = await accepted();
    expect((await gateCheckIn({ plate: direct.vehicle.plate })).json()).toMatchObject({
      code: 'CHECKIN.GO_TO_REGULATION_YARD',
      details: { reason: 'gate_yard_full' },
    });
    await roomFor(1);
    // Room again, but the second perishable truck still waits: an unbooked truck joins the line.
    expect((await gateCheckIn({ plate: direct.vehicle.plate })).json()).toMatchObject({
      code: 'CHECKIN.GO_TO_REGULATION_YARD',
      details: { reason: 'line_waiting' },
    });
    await roomFor(0);
    for (const d of [...general, ...perishable, aeo])
      expect((await cancel(d.id === aeo.id ? aeoCompany : company, d.id)).statusCode).toBe(200);
    await runGate();
    const left = await t.sql.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM yard_wait WHERE declaration_id = ANY ($1::uuid[]) AND state = 'left'`,
      [[...general, ...perishable, aeo].map((d) => d.id)],
    );
    expect(left!.n).toBe(9);
  });

  it('sends a truck that missed its call to the back of the line once, then expires it', async () => {
    await roomFor(0);
    const d = await accepted({ perishable: true });
    expect((await yardCheckIn(d, 'PHU_XA')).statusCode).toBe(201);
    await roomFor(1);
    expect((await runGate()).called).toBe(1);
    // The deadline passes.
    await t.sql.rows(`UPDATE yard_wait SET call_deadline = now() - interval '1 minute' WHERE declaration_id = $1`, [
      d.id,
    ]);
    // No room once its call is given back (the helper counts the called truck): it waits at the back.
    await roomFor(-1);
    expect(await runGate()).toMatchObject({ missed: 1, expired: 0 });
    expect(await t.sql.one<any>('SELECT state, missed_calls FROM yard_wait WHERE declaration_id = $1', [d.id])).toEqual(
      {
        state: 'waiting',
        missed_calls: 1,
      },
    );
    await roomFor(1);
    expect((await runGate()).called).toBe(1);
    await t.sql.rows(`UPDATE yard_wait SET call_deadline = now() - interval '1 minute' WHERE declaration_id = $1`, [
      d.id,
    ]);
    await roomFor(0);
    expect(await runGate()).toMatchObject({ expired: 1 });
    const after = await t.sql.one<any>(
      `SELECT d.status, w.state, w.missed_calls FROM declaration d JOIN yard_wait w ON w.declaration_id = d.id
        WHERE d.id = $1`,
      [d.id],
    );
    expect(after).toEqual({ status: 'expired', state: 'expired', missed_calls: 2 });
    const actions = await t.sql.rows<{ action: string }>(
      `SELECT action FROM declaration_event WHERE declaration_id = $1 AND action LIKE 'yard.%' ORDER BY at, seq`,
      [d.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'yard.called',
      'yard.call_missed',
      'yard.called',
      'yard.call_missed',
    ]);
  });

  it('answers bad requests with 4xx naming the field', async () => {
    expect((await get('/api/v1/regulation-yards/NOPE/line', crew.yard)).statusCode).toBe(404);
    expect((await postAs(t, crew.yard, '/api/v1/regulation-yards/PHU_XA/check-ins', {})).statusCode).toBe(400);
    expect(
      (await postAs(t, crew.yard, '/api/v1/regulation-yards/THUY_HUNG/check-ins', { plate: '12C-123.45' })).statusCode,
    ).toBe(403);
    const list = await t.request({ method: 'GET', url: '/api/v1/regulation-yards?gate=HUU_NGHI' });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((y: any) => y.code)).toEqual(['NON_TARIFF', 'PHU_XA']);
    expect((await t.request({ method: 'GET', url: '/api/v1/regulation-yards?gate=NOPE' })).statusCode).toBe(400);
    const badCycle = await t.request({
      method: 'PUT',
      url: `/api/v1/gates/${GATE}/priority-cycle`,
      headers: crew.supervisor.headers,
      payload: { turns: [{ class: 'aeo', turns: 1 }] },
    });
    expect(badCycle.statusCode).toBe(400);
    expect(JSON.stringify(badCycle.json())).toContain('turns');
    const badRule = await t.request({
      method: 'PUT',
      url: `/api/v1/gates/${GATE}/call-rule`,
      headers: crew.supervisor.headers,
      payload: { reachMarginMinutes: -1, missedCallsAllowed: 1, lookAheadMinutes: 60 },
    });
    expect(badRule.statusCode).toBe(400);
    expect(JSON.stringify(badRule.json())).toContain('reachMarginMinutes');
    const rule = await t.request({
      method: 'PUT',
      url: `/api/v1/gates/${GATE}/call-rule`,
      headers: crew.supervisor.headers,
      payload: { reachMarginMinutes: 30, missedCallsAllowed: 1, lookAheadMinutes: 480 },
    });
    expect(rule.statusCode).toBe(200);
    expect((await get(`/api/v1/gates/${GATE}/call-rule`, crew.supervisor)).json()).toMatchObject({
      gate: GATE,
      reachMarginMinutes: 30,
      missedCallsAllowed: 1,
      lookAheadMinutes: 480,
    });
    const cycle = await t.request({
      method: 'PUT',
      url: `/api/v1/gates/${GATE}/priority-cycle`,
      headers: crew.supervisor.headers,
      payload: {
        turns: [
          { class: 'perishable', turns: 2 },
          { class: 'general', turns: 3 },
        ],
      },
    });
    expect(cycle.statusCode).toBe(200);
    expect(cycle.json()).toMatchObject({
      position: 0,
      cycle: ['perishable', 'perishable', 'general', 'general', 'general'],
    });
    const notSupervisor = await get(`/api/v1/gates/${GATE}/call-rule`, crew.yard);
    expect(notSupervisor.statusCode).toBe(403);

    const capacity = (payload: unknown, who = crew.supervisor) =>
      t.request({ method: 'PUT', url: `/api/v1/gates/${GATE}/yard-capacity`, headers: who.headers, payload });
    const badCapacity = await capacity({ capacity: -1 });
    expect(badCapacity.statusCode).toBe(400);
    expect(JSON.stringify(badCapacity.json())).toContain('capacity');
    expect((await capacity({ capacity: 10 }, crew.yard)).statusCode).toBe(403);
    const set = await capacity({ capacity: saved.yard_capacity });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ code: GATE, yardCapacity: saved.yard_capacity });
  });
});
