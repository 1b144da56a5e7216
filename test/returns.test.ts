import { AuditVerifier } from '../src/modules/audit/audit-verifier.service.js';
import { ReturnsRepository } from '../src/modules/returns/returns.repository.js';
import { ReturnsWatch } from '../src/modules/returns/returns-watch.schedule.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually, machines, uniqueVnPlate } from './support/factories.js';
import { gateCrew, claimStepOf, postAs, type AgencyName, type TestOfficer } from './support/officers.js';
import { SseClient } from './support/sse.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const GATE = 'TAN_THANH';

interface Trip {
  kind?: string;
  role?: 'delivering' | 'receiving';
  linkedTo?: string;
  twoWay?: boolean;
  direction?: 'export' | 'import';
}

describe('routing, exits and returns per kind of trip', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    t = await startTestApp({ RETURNS_WATCH_INTERVAL_MS: '200', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    company = await t.createCompany('Returns Transport Co');
    crew = await gateCrew(t, GATE);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const get = (url: string, who: TestOfficer) => t.request({ method: 'GET', url, headers: who.headers });

  /** An accepted declaration of the given kind of trip, declared through the API. */
  async function accepted(trip: Trip = {}): Promise<any> {
    const body = declarationBody({ gate: GATE, direction: trip.direction ?? 'export', cargo: machines });
    const res = await submit(t, company.apiKey, {
      ...body,
      vehicle: { ...body.vehicle, twoWayTransport: trip.twoWay ?? false },
      cargo: trip.kind === 'empty' ? { description: 'No cargo', grossWeightKg: 0, perishable: false } : body.cargo,
      tripKind: trip.kind ?? 'through',
      ...(trip.role ? { handover: { role: trip.role, linkedDeclarationId: trip.linkedTo } } : {}),
    });
    expect({ status: res.statusCode, body: res.statusCode === 202 ? '' : res.body }).toEqual({ status: 202, body: '' });
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  async function checkIn(d: any): Promise<any[]> {
    const res = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate });
    expect(res.statusCode).toBe(201);
    return res.json().steps;
  }

  /** Claims from the agency's queue until it reaches this declaration's step, passing others' trucks through. */
  const claimFor = (agency: AgencyName, declarationId: string) => claimStepOf(t, crew[agency], GATE, declarationId);

  /** Checks the vehicle in and passes every step, stage by stage. */
  async function cleared(d: any): Promise<void> {
    const steps = (await checkIn(d)).sort((a: any, b: any) => a.stage - b.stage);
    for (const s of steps) {
      const step = await claimFor(s.agency, d.id);
      const res = await postAs(t, crew[s.agency as AgencyName], `/api/v1/steps/${step.id}/decision`, {
        decision: 'pass',
        ...(s.agency === 'yard' ? { paymentReference: `PT-${d.reference}` } : {}),
      });
      expect(res.statusCode).toBe(200);
    }
  }

  const exit = (d: any) => postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/exits`, { plate: d.vehicle.plate });
  const returnRow = (id: string) =>
    t.sql.one<any>(
      `SELECT *, extract(epoch FROM due_at - exited_at)::int AS allowed_s, extract(epoch FROM due_at - warn_at)::int AS warn_s
         FROM declaration_return WHERE declaration_id = $1`,
      [id],
    );
  const returnActions = (id: string) =>
    t.sql.rows<{ action: string; at: Date }>(
      `SELECT action, at FROM declaration_event WHERE declaration_id = $1 AND action LIKE 'return.%' ORDER BY at, action`,
      [id],
    );

  describe('routing per kind', () => {
    const stages = (steps: any[]) => steps.map((s) => [s.agency, s.stage]).sort();

    it('clears an empty vehicle by the border guard, then the fee', async () => {
      expect(stages(await checkIn(await accepted({ kind: 'empty' })))).toEqual([
        ['border_guard', 1],
        ['yard', 2],
      ]);
    });

    it('inspects transshipped goods on the delivering vehicle and supervises the loading of the receiving one', async () => {
      const delivering = await accepted({ kind: 'transshipment', role: 'delivering', direction: 'import' });
      const receiving = await accepted({
        kind: 'transshipment',
        role: 'receiving',
        linkedTo: delivering.id,
        direction: 'import',
      });
      expect(stages(await checkIn(delivering))).toEqual([
        ['border_guard', 1],
        ['customs', 2],
        ['yard', 3],
      ]);
      expect(stages(await checkIn(receiving))).toEqual([
        ['border_guard', 1],
        ['customs', 1],
        ['yard', 2],
      ]);
    });

    it('clears the receiving tractor of a tractor swap as a vehicle only', async () => {
      const delivering = await accepted({ kind: 'tractor_swap', role: 'delivering' });
      const receiving = await accepted({ kind: 'tractor_swap', role: 'receiving', linkedTo: delivering.id });
      expect(stages(await checkIn(receiving))).toEqual([
        ['border_guard', 1],
        ['yard', 2],
      ]);
    });
  });

  describe('exit per kind', () => {
    it('sends the delivering leg back whence it came and the receiving leg on, only after the handover', async () => {
      const delivering = await accepted({ kind: 'transshipment', role: 'delivering' });
      const receiving = await accepted({ kind: 'transshipment', role: 'receiving', linkedTo: delivering.id });
      await cleared(receiving);

      const early = await exit(receiving);
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({
        code: 'EXIT.HANDOVER_PENDING',
        details: { deliveringReference: delivering.reference, deliveringStatus: 'accepted' },
      });
      expect(early.json().message).toContain(delivering.reference);

      await cleared(delivering);
      expect((await exit(receiving)).json()).toMatchObject({ destination: 'CN', returnDueAt: null });
      expect((await exit(delivering)).json()).toMatchObject({ destination: 'VN_INLAND', returnDueAt: null });
    });

    it('lets the receiving tractor out once the delivering one is cleared, even after it left', async () => {
      const delivering = await accepted({ kind: 'tractor_swap', role: 'delivering', direction: 'import' });
      const receiving = await accepted({
        kind: 'tractor_swap',
        role: 'receiving',
        linkedTo: delivering.id,
        direction: 'import',
      });
      await cleared(delivering);
      expect((await exit(delivering)).json().destination).toBe('CN');
      await cleared(receiving);
      expect((await exit(receiving)).json().destination).toBe('VN_INLAND');
    });

    it('sends an empty vehicle in its direction', async () => {
      const d = await accepted({ kind: 'empty', direction: 'import' });
      await cleared(d);
      expect((await exit(d)).json()).toMatchObject({ destination: 'VN_INLAND', returnDueAt: null });
    });
  });

  describe('the return rule', () => {
    it('gives an ordinary delivery-and-return vehicle 24 hours, warned an hour before', async () => {
      const d = await accepted({ kind: 'delivery_and_return' });
      await cleared(d);
      const res = await exit(d);
      expect(res.json()).toMatchObject({ destination: 'CN', returnDueAt: expect.any(String) });
      const row = await returnRow(d.id);
      expect(row).toMatchObject({ gate_code: GATE, allowed_s: 24 * 3600, warn_s: 3600, returned_at: null });
      expect(new Date(res.json().returnDueAt).getTime()).toBe(row.due_at.getTime());
      const exitedAt = await t.sql.one<{ exited_at: Date }>('SELECT exited_at FROM declaration WHERE id = $1', [d.id]);
      expect(row.exited_at.getTime()).toBe(exitedAt!.exited_at.getTime());

      const awaiting = (await get(`/api/v1/gates/${GATE}/returns?state=awaiting`, crew.supervisor)).json();
      expect(awaiting.items.find((i: any) => i.declarationId === d.id)).toMatchObject({
        reference: d.reference,
        plate: d.vehicle.plate,
        plateDisplay: d.vehicle.plateDisplay,
        twoWayTransport: false,
        overdueSeconds: 0,
      });
    });

    it('gives a two-way transport vehicle the rule in force for permit holders when it leaves', async () => {
      const d = await accepted({ kind: 'delivery_and_return', direction: 'import', twoWay: true });
      await cleared(d);
      expect((await exit(d)).json()).toMatchObject({ destination: 'VN_INLAND', returnDueAt: expect.any(String) });
      const row = await returnRow(d.id);
      const rule = await t.app.get(ReturnsRepository).ruleAt(row.exited_at, true);
      // During the pilot (to the end of 2026) that is its 36 hours; the dates are data, so is the answer.
      expect(row).toMatchObject({ rule_id: rule!.id, allowed_s: rule!.allowed_seconds });
    });

    it('applies the two-way transport pilot from 1 December 2025 to the end of 2026, Vietnam time', async () => {
      const rules = t.app.get(ReturnsRepository);
      const hours = async (at: string, twoWay: boolean) =>
        (await rules.ruleAt(new Date(at), twoWay))!.allowed_seconds / 3600;
      expect(await hours('2025-11-30T23:59:59+07:00', true)).toBe(24);
      expect(await hours('2025-12-01T00:00:00+07:00', true)).toBe(36);
      expect(await hours('2026-06-15T12:00:00+07:00', true)).toBe(36);
      expect(await hours('2026-12-31T23:59:59+07:00', true)).toBe(36);
      expect(await hours('2027-01-01T00:00:00+07:00', true)).toBe(24);
      expect(await hours('2026-06-15T12:00:00+07:00', false)).toBe(24);
      expect((await rules.ruleAt(new Date('2026-06-15T12:00:00+07:00'), true))!.warn_before_seconds).toBe(3600);
    });

    it('opens no return for a refused vehicle, nor for a trip that is not a delivery and return', async () => {
      const refused = await accepted({ kind: 'delivery_and_return', twoWay: true });
      await checkIn(refused);
      const step = await claimFor('customs', refused.id);
      await postAs(t, crew.customs, `/api/v1/steps/${step.id}/decision`, { decision: 'refuse', note: 'no permit' });
      expect((await exit(refused)).json()).toMatchObject({ destination: 'VN_INLAND', returnDueAt: null });

      const through = await accepted();
      await cleared(through);
      expect((await exit(through)).json()).toMatchObject({ destination: 'CN', returnDueAt: null });

      const rows = await t.sql.rows('SELECT 1 FROM declaration_return WHERE declaration_id IN ($1, $2)', [
        refused.id,
        through.id,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('refuses a return check-in it cannot match, naming the plate', async () => {
      const unknown = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/returns`, { plate: uniqueVnPlate() });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'RETURN.UNKNOWN_VEHICLE', details: { field: 'plate' } });

      const d = await accepted();
      const notAway = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/returns`, { plate: d.vehicle.plate });
      expect(notAway.statusCode).toBe(409);
      expect(notAway.json()).toMatchObject({ code: 'RETURN.NOT_AWAY', details: { field: 'plate' } });

      const customs = await postAs(t, crew.customs, `/api/v1/gates/${GATE}/returns`, { plate: d.vehicle.plate });
      expect(customs.statusCode).toBe(403);
      const badPlate = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/returns`, { plate: 'not a plate' });
      expect(badPlate.statusCode).toBe(400);
      const badState = await get(`/api/v1/gates/${GATE}/returns?state=lost`, crew.supervisor);
      expect(badState.statusCode).toBe(400);
      expect(badState.json().details[0].field).toBe('state');
      expect((await get(`/api/v1/gates/${GATE}/returns`, crew.customs)).statusCode).toBe(403);
    });

    it('warns a two-way vehicle before its deadline, reports it overdue at the deadline, and stops once it is back', async () => {
      let rule: { id: number } | null = null;
      let declarationId: string | null = null;
      const hook = await t.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { authorization: `Bearer ${company.apiKey}` },
        payload: {
          url: receiver.url('/hooks'),
          events: ['declaration.return_due_soon', 'declaration.return_overdue', 'declaration.returned'],
        },
      });
      expect(hook.statusCode).toBe(201);
      try {
        const d = await accepted({ kind: 'delivery_and_return', twoWay: true });
        declarationId = d.id;
        await cleared(d);
        const live = new SseClient(`${t.baseUrl}/api/v1/vehicles/${encodeURIComponent(d.vehicle.plate)}/events`);
        expect(await live.status).toBe(200);
        await live.take(1); // the current status

        // A short two-way rule, in force only around this exit: 4 seconds to return, warned 2 seconds before. Ended
        // at once, so another test's two-way vehicle leaving meanwhile is all but sure to get the real rule.
        rule = await t.sql.one<{ id: number }>(
          `INSERT INTO return_rule (two_way_transport, allowed, warn_before, valid_from, valid_until, note)
           VALUES (true, interval '4 seconds', interval '2 seconds', now() - interval '1 second',
                   now() + interval '1 minute', 'test: fast clock') RETURNING id`,
        );
        const out = await exit(d);
        await t.sql.rows('UPDATE return_rule SET valid_until = now() WHERE id = $1', [rule!.id]);
        expect(out.json()).toMatchObject({ destination: 'CN', returnDueAt: expect.any(String) });
        const row = await returnRow(d.id);
        expect(row).toMatchObject({ rule_id: rule!.id, allowed_s: 4, warn_s: 2 });

        const watch = t.app.get(ReturnsWatch);
        const events = await eventually(
          async () => {
            // Two more watchers beside the worker's own: each reminder still goes out once.
            await Promise.all([watch.watch(), watch.watch()]);
            const seen = live.events.filter((e) => e.event === 'return');
            return seen.length >= 2 ? seen : undefined;
          },
          15_000,
          'the due-soon and overdue events on the live stream',
        );
        expect(events.map((e) => e.data.return)).toEqual(['due_soon', 'overdue']);
        expect(events[0].data).toEqual({
          plate: d.vehicle.plate,
          status: 'exited',
          gate: GATE,
          at: expect.any(String),
          return: 'due_soon',
        });

        // Written at or after their moments, never before.
        const [dueSoon, overdue] = await returnActions(d.id);
        expect(dueSoon.action).toBe('return.due_soon');
        expect(overdue.action).toBe('return.overdue');
        expect(dueSoon.at.getTime()).toBeGreaterThanOrEqual(row.warn_at.getTime() - 1); // at is kept to the ms
        expect(overdue.at.getTime()).toBeGreaterThanOrEqual(row.due_at.getTime() - 1);
        expect(new Date(events[1].data.at).getTime()).toBe(overdue.at.getTime());

        const overdueList = (await get(`/api/v1/gates/${GATE}/returns?state=overdue`, crew.border_guard)).json();
        const listed = overdueList.items.find((i: any) => i.declarationId === d.id);
        expect(listed).toMatchObject({
          reference: d.reference,
          twoWayTransport: true,
          dueAt: row.due_at.toISOString(),
        });
        expect(listed.overdueSeconds).toBeGreaterThanOrEqual(0);
        const board = (await t.request({ method: 'GET', url: `/api/v1/gates/${GATE}/board` })).json();
        expect(board.returns.overdue).toBeGreaterThanOrEqual(1);
        expect(board.returns.awaiting).toEqual(expect.any(Number));

        const returnCheckIn = () =>
          t.request({
            method: 'POST',
            url: `/api/v1/gates/${GATE}/returns`,
            headers: { ...crew.border_guard.headers, 'idempotency-key': `return-${d.id}` },
            payload: { plate: d.vehicle.plateDisplay.toLowerCase() },
          });
        const back = await returnCheckIn();
        expect(back.statusCode).toBe(201);
        expect(back.json()).toMatchObject({ reference: d.reference, gate: GATE, late: true });
        // The same request again (a retry after a lost answer) gets the same answer, and checks in nothing more.
        const retried = await returnCheckIn();
        expect([retried.statusCode, retried.json()]).toEqual([201, back.json()]);
        const again = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/returns`, { plate: d.vehicle.plate });
        expect(again.json().code).toBe('RETURN.NOT_AWAY');
        const after = (await get(`/api/v1/gates/${GATE}/returns?state=overdue`, crew.supervisor)).json();
        expect(after.items.find((i: any) => i.declarationId === d.id)).toBeUndefined();

        // One more watcher run after the return check-in reminds it of nothing.
        await watch.watch();
        expect((await returnActions(d.id)).map((a) => a.action)).toEqual([
          'return.due_soon',
          'return.overdue',
          'return.checked_in',
        ]);
        const returned = await eventually(
          () => Promise.resolve(live.events.find((e) => e.event === 'return' && e.data.return === 'returned')),
          10_000,
          'the returned event on the live stream',
        );
        expect(returned.data.status).toBe('exited');
        live.close();

        // A viewer reconnecting after the exit is replayed the return events in order.
        const exited = live.events.find((e) => e.event === 'status' && e.data.status === 'exited');
        const resumed = new SseClient(`${t.baseUrl}/api/v1/vehicles/${encodeURIComponent(d.vehicle.plate)}/events`, {
          'last-event-id': exited!.id!,
        });
        expect((await resumed.take(3)).map((e) => [e.event, e.data.return])).toEqual([
          ['return', 'due_soon'],
          ['return', 'overdue'],
          ['return', 'returned'],
        ]);
        resumed.close();

        const delivered = await eventually(
          () => {
            const mine = receiver.requests.map((q) => JSON.parse(q.body)).filter((b) => b.data.declarationId === d.id);
            return Promise.resolve(mine.length >= 3 ? mine : undefined);
          },
          15_000,
          'three webhook deliveries',
        );
        expect(delivered.map((b) => b.type).sort()).toEqual([
          'declaration.return_due_soon',
          'declaration.return_overdue',
          'declaration.returned',
        ]);
        expect(delivered[0].data).toMatchObject({ reference: d.reference, status: 'exited' });

        // The new audit actions seal into the chain like any other.
        await eventually(
          async () => {
            const unsealed = await t.sql.one<{ n: number }>(
              'SELECT count(*)::int AS n FROM declaration_event WHERE declaration_id = $1 AND seq IS NULL',
              [d.id],
            );
            return unsealed!.n === 0 ? true : undefined;
          },
          10_000,
          'the return records to be sealed',
        );
        expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
        const publicView = await t.request({ method: 'GET', url: `/api/v1/vehicles/${d.vehicle.plate}/status` });
        expect(publicView.json().status).toBe('exited');
        expect(publicView.json().timeline.map((e: any) => e.status)).toEqual([
          'submitted',
          'accepted',
          'in_yard',
          'cleared',
          'exited',
        ]);
      } finally {
        if (declarationId)
          await t.sql.rows('DELETE FROM declaration_return WHERE declaration_id = $1', [declarationId]);
        // Kept when another test's vehicle took it after all (its return row refers to it).
        if (rule) {
          await t.sql.rows(
            'DELETE FROM return_rule r WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM declaration_return x WHERE x.rule_id = r.id)',
            [rule.id],
          );
        }
      }
    });
  });
});
