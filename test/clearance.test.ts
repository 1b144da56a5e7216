import { AuditVerifier } from '../src/modules/audit/audit-verifier.service.js';
import { acceptedOnDay, getDeclaration, settled, submit } from './support/api.js';
import { declarationBody, eventually, fruit, machines, uniqueVnPlate } from './support/factories.js';
import {
  officer,
  claimStepOf,
  postAs,
  startWithGateCrew,
  type AgencyName,
  type TestOfficer,
} from './support/officers.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';

describe('clearance at the gate', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;

  beforeAll(async () => ({ t, company, crew } = await startWithGateCrew('HUU_NGHI')));
  afterAll(() => t.close());

  const get = (url: string, who: TestOfficer) => t.request({ method: 'GET', url, headers: who.headers });
  const owner = (id: string) => getDeclaration(t, company.apiKey, id).then((r) => r.json());

  async function accepted(overrides: Parameters<typeof declarationBody>[0] = {}): Promise<any> {
    const res = await submit(t, company.apiKey, declarationBody(overrides));
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  async function decide(step: { id: string }, who: TestOfficer, decision: string, extra: Record<string, unknown> = {}) {
    return postAs(t, who, `/api/v1/steps/${step.id}/decision`, { decision, ...extra });
  }

  const claimFor = (agency: AgencyName, declarationId: string) =>
    claimStepOf(t, crew[agency], 'HUU_NGHI', declarationId);

  it('walks a perishable export through customs and quarantine side by side, a hold, border guard, the fee, and out to China', async () => {
    const d = await accepted({ cargo: fruit });
    const checkIn = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', {
      plate: d.vehicle.plateDisplay.toLowerCase(),
    });
    expect(checkIn.statusCode).toBe(201);
    expect(checkIn.json().status).toBe('in_yard');
    const steps = checkIn.json().steps.map((s: any) => [s.agency, s.stage, s.status, s.readyAt !== null]);
    expect(steps.sort()).toEqual(
      [
        ['border_guard', 2, 'waiting', false],
        ['customs', 1, 'waiting', true],
        ['quarantine', 1, 'waiting', true],
        ['yard', 3, 'waiting', false],
      ].sort(),
    );

    const customs = await claimFor('customs', d.id);
    const quarantine = await claimFor('quarantine', d.id);
    expect((await decide(customs, crew.customs, 'pass', { note: 'documents in order' })).json().declarationStatus).toBe(
      'in_yard',
    );
    // Border guard's stage opens only when quarantine has passed too.
    const bgQueue = (await get('/api/v1/gates/HUU_NGHI/queues/border_guard', crew.border_guard)).json();
    expect(bgQueue.items.find((i: any) => i.declarationId === d.id)).toBeUndefined();

    const held = await decide(quarantine, crew.quarantine, 'hold', { note: 'sample sent to the lab' });
    expect(held.json().step.status).toBe('held');
    expect((await decide(quarantine, crew.quarantine, 'pass', { note: 'lab clear' })).json().step.status).toBe(
      'passed',
    );

    const borderGuard = await claimFor('border_guard', d.id);
    expect((await decide(borderGuard, crew.border_guard, 'pass')).statusCode).toBe(200);

    const fee = await claimFor('yard', d.id);
    const noReference = await decide(fee, crew.yard, 'pass');
    expect(noReference.statusCode).toBe(400);
    expect(noReference.json().details[0].field).toBe('paymentReference');
    const paid = await decide(fee, crew.yard, 'pass', { paymentReference: 'PT-2026-000123' });
    expect(paid.json()).toMatchObject({
      declarationStatus: 'cleared',
      step: { status: 'passed', feeAmountVnd: 4_000_000, feeVehicleClass: 'VT6', paymentReference: 'PT-2026-000123' },
    });

    const exit = await postAs(t, crew.border_guard, '/api/v1/gates/HUU_NGHI/exits', { plate: d.vehicle.plate });
    expect(exit.json()).toMatchObject({ status: 'exited', destination: 'CN', reference: d.reference });

    const seen = await owner(d.id);
    expect(seen.timeline.map((e: any) => e.status)).toEqual(['submitted', 'accepted', 'in_yard', 'cleared', 'exited']);
    expect(seen.exitDestination).toBe('CN');
    expect(seen.steps.every((s: any) => s.status === 'passed' && s.decidedAt)).toBe(true);
    expect(seen.steps.find((s: any) => s.agency === 'quarantine').note).toBe('lab clear');

    const publicView = await t.request({ method: 'GET', url: `/api/v1/vehicles/${d.vehicle.plate}/status` });
    expect(publicView.json().status).toBe('exited');
    expect(publicView.body).not.toContain('lab clear');
    expect(await t.app.get(AuditVerifier).verify()).toMatchObject({ ok: true });
  });

  it('walks an import without quarantine, checked in by QR code, border guard first, and inland at 130% of the fee', async () => {
    const d = await accepted({ direction: 'import', cargo: machines });
    const seen = await owner(d.id);
    expect(seen.qrToken).toEqual(expect.any(String));
    const png = await t.request({
      method: 'GET',
      url: `/api/v1/declarations/${d.id}/qr.png`,
      headers: { authorization: `Bearer ${company.apiKey}` },
    });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');

    const checkIn = await postAs(t, crew.border_guard, '/api/v1/gates/HUU_NGHI/check-ins', { qrToken: seen.qrToken });
    expect(checkIn.statusCode).toBe(201);
    expect(
      checkIn
        .json()
        .steps.map((s: any) => s.agency)
        .sort(),
    ).toEqual(['border_guard', 'customs', 'yard']);

    await decide(await claimFor('border_guard', d.id), crew.border_guard, 'pass');
    await decide(await claimFor('customs', d.id), crew.customs, 'pass');
    const fee = await decide(await claimFor('yard', d.id), crew.yard, 'pass', { paymentReference: 'PT-IMPORT-1' });
    // VT4 (12 t) general goods: 2,200,000 × 130% for goods entering the domestic market.
    expect(fee.json()).toMatchObject({
      declarationStatus: 'cleared',
      step: { feeAmountVnd: 2_860_000, feeVehicleClass: 'VT4' },
    });

    const exit = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/exits', { plate: d.vehicle.plate });
    expect(exit.json().destination).toBe('VN_INLAND');
    // The QR code does not work twice.
    const again = await postAs(t, crew.border_guard, '/api/v1/gates/HUU_NGHI/check-ins', { qrToken: seen.qrToken });
    expect(again.statusCode).toBe(409);
  });

  it('refuses the truck on a refusal, and lets it leave back the way it came', async () => {
    const d = await accepted({ cargo: machines });
    await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
    const refused = await decide(await claimFor('customs', d.id), crew.customs, 'refuse', {
      note: 'goods do not match the declaration',
    });
    expect(refused.json()).toMatchObject({ declarationStatus: 'refused', step: { status: 'refused' } });

    const exit = await postAs(t, crew.border_guard, '/api/v1/gates/HUU_NGHI/exits', { plate: d.vehicle.plate });
    expect(exit.json()).toMatchObject({ status: 'exited', destination: 'VN_INLAND' });
    const seen = await owner(d.id);
    expect(seen.timeline.map((e: any) => e.status)).toEqual(['submitted', 'accepted', 'in_yard', 'refused', 'exited']);
  });

  it('refuses to let out a vehicle with steps outstanding, listing them', async () => {
    const d = await accepted({ cargo: machines });
    await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
    const exit = await postAs(t, crew.border_guard, '/api/v1/gates/HUU_NGHI/exits', { plate: d.vehicle.plate });
    expect(exit.statusCode).toBe(409);
    expect(exit.json().code).toBe('EXIT.NOT_CLEARED');
    expect(
      exit
        .json()
        .details.outstanding.map((s: any) => s.agency)
        .sort(),
    ).toEqual(['border_guard', 'customs', 'yard']);
    expect((await owner(d.id)).status).toBe('in_yard');
  });

  describe('check-in tells the officer why a vehicle cannot come in', () => {
    it('has no declaration at all', async () => {
      const res = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: uniqueVnPlate() });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('CHECKIN.NO_DECLARATION');
    });

    it('was rejected, with the reasons', async () => {
      const res = await submit(
        t,
        company.apiKey,
        declarationBody({ expectedArrivalAt: new Date(Date.now() - 5 * 3_600_000).toISOString() }),
      );
      const d = await settled(t, company.apiKey, res.json().id);
      const checkIn = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
      expect(checkIn.statusCode).toBe(409);
      expect(checkIn.json()).toMatchObject({
        code: 'CHECKIN.NOT_ACCEPTED',
        details: { status: 'rejected', reasons: [{ code: 'ARRIVAL.OUTSIDE_WINDOW' }] },
      });
    });

    it('is declared for the other gate', async () => {
      const d = await accepted({ gate: 'TAN_THANH' });
      const res = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CHECKIN.WRONG_GATE', details: { declaredGate: 'TAN_THANH' } });
    });

    it('was cancelled, or is already in the yard', async () => {
      const cancelled = await accepted();
      await t.request({
        method: 'POST',
        url: `/api/v1/declarations/${cancelled.id}/cancel`,
        headers: { authorization: `Bearer ${company.apiKey}` },
      });
      const a = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: cancelled.vehicle.plate });
      expect(a.json()).toMatchObject({ code: 'CHECKIN.NOT_ACCEPTED', details: { status: 'cancelled' } });

      const inYard = await accepted();
      expect(
        (await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: inYard.vehicle.plate })).statusCode,
      ).toBe(201);
      const twice = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: inYard.vehicle.plate });
      expect(twice.json().code).toBe('CHECKIN.ALREADY_ARRIVED');
    });
  });

  describe('the company stays in control', () => {
    it('amends an accepted declaration, which is screened again, keeps its slot count and gets a new QR code', async () => {
      const d = await accepted({ cargo: machines });
      const oldQr = (await owner(d.id)).qrToken;
      const load = () => acceptedOnDay(t, 'HUU_NGHI', 'export', d.expectedArrivalAt);
      const before = await load();

      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/declarations/${d.id}`,
        headers: { authorization: `Bearer ${company.apiKey}`, 'content-type': 'application/json' },
        payload: { cargo: { ...machines, grossWeightKg: 9000 } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('submitted');
      const again = await settled(t, company.apiKey, d.id);
      expect(again).toMatchObject({ status: 'accepted', cargo: { grossWeightKg: 9000 } });
      expect(again.version).toBeGreaterThan(d.version);
      expect(await load()).toBe(before);

      const stale = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { qrToken: oldQr });
      expect(stale.json().code).toBe('CHECKIN.QR_OUTDATED');
      expect(
        (await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { qrToken: again.qrToken })).statusCode,
      ).toBe(201);
    });

    it('after arrival, asks a supervisor, who approves', async () => {
      const d = await accepted({ cargo: machines });
      await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/declarations/${d.id}`,
        headers: { authorization: `Bearer ${company.apiKey}`, 'content-type': 'application/json' },
        payload: { driver: { fullName: 'Phạm Văn Đức', documentNumber: '020090005555', nationality: 'VN' } },
      });
      expect(res.statusCode).toBe(202);
      const request = res.json();
      expect(request.status).toBe('pending');
      expect((await owner(d.id)).driver.fullName).toBe('Nguyễn Văn An');

      const byCustoms = await postAs(t, crew.customs, `/api/v1/amendment-requests/${request.id}/decision`, {
        decision: 'approve',
      });
      expect(byCustoms.statusCode).toBe(403);
      const pending = (await get('/api/v1/gates/HUU_NGHI/amendment-requests', crew.supervisor)).json();
      expect(pending.map((p: any) => p.id)).toContain(request.id);
      const approved = await postAs(t, crew.supervisor, `/api/v1/amendment-requests/${request.id}/decision`, {
        decision: 'approve',
        note: 'driver swap at the yard',
      });
      expect(approved.json().status).toBe('approved');
      const after = await owner(d.id);
      expect(after.driver).toMatchObject({ fullName: 'Phạm Văn Đức', documentNumber: '020090005555' });
      expect(after.status).toBe('in_yard');
      const twice = await postAs(t, crew.supervisor, `/api/v1/amendment-requests/${request.id}/decision`, {
        decision: 'decline',
      });
      expect(twice.json().code).toBe('AMENDMENT.ALREADY_DECIDED');
    });

    it('cancels before arrival and frees the slot; not twice, and not after arrival', async () => {
      const d = await accepted({ gate: 'TAN_THANH', direction: 'import' });
      const load = () => acceptedOnDay(t, 'TAN_THANH', 'import', d.expectedArrivalAt);
      const before = await load();
      const cancel = () =>
        t.request({
          method: 'POST',
          url: `/api/v1/declarations/${d.id}/cancel`,
          headers: { authorization: `Bearer ${company.apiKey}` },
        });
      const first = await cancel();
      expect(first.statusCode).toBe(200);
      expect(first.json().status).toBe('cancelled');
      expect(await load()).toBe(before - 1);
      expect((await cancel()).json().code).toBe('DECLARATION.NOT_CANCELLABLE');
    });
  });

  it('puts perishable goods first in the queue, and shows the public their place', async () => {
    const slow = await accepted({ cargo: machines });
    const quick = await accepted({ cargo: fruit }); // arrives later, but perishable
    await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: slow.vehicle.plate });
    await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: quick.vehicle.plate });
    const queue = (await get('/api/v1/gates/HUU_NGHI/queues/customs', crew.customs)).json();
    const position = (id: string) => queue.items.find((i: any) => i.declarationId === id).position;
    expect(position(quick.id)).toBeLessThan(position(slow.id));

    const publicView = (
      await t.request({ method: 'GET', url: `/api/v1/vehicles/${slow.vehicle.plate}/status` })
    ).json();
    expect(publicView.currentSteps).toEqual([
      {
        agency: 'customs',
        status: 'waiting',
        queuePosition: position(slow.id),
        estimatedWaitMinutes: publicView.currentSteps[0].estimate === 'ok' ? expect.any(Number) : null,
        estimate: expect.stringMatching(/^(ok|insufficient_data)$/),
      },
    ]);
  });
});

describe('timers', () => {
  it('puts an undecided claim back in the queue at its old place', async () => {
    const t = await startTestApp({ CLEARANCE_CLAIM_TIMEOUT_MS: '1000' });
    try {
      const company = await t.createCompany();
      const customs = await officer(t, 'customs', ['TAN_THANH']);
      const yard = await officer(t, 'yard', ['TAN_THANH']);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const d = await settled(
          t,
          company.apiKey,
          (await submit(t, company.apiKey, declarationBody({ gate: 'TAN_THANH', cargo: machines }))).json().id,
        );
        ids.push(d.id);
        await t.request({
          method: 'POST',
          url: '/api/v1/gates/TAN_THANH/check-ins',
          headers: yard.headers,
          payload: { plate: d.vehicle.plate },
        });
      }
      const queue = () =>
        t
          .request({ method: 'GET', url: '/api/v1/gates/TAN_THANH/queues/customs', headers: customs.headers })
          .then((r) => r.json());
      const firstId = (await queue()).items.find((i: any) => i.position === 1).stepId;
      const claimed = await t.request({
        method: 'POST',
        url: '/api/v1/gates/TAN_THANH/queues/customs/claim',
        headers: customs.headers,
      });
      expect(claimed.body).toContain(firstId);

      const back = await eventually(async () => {
        const item = (await queue()).items.find((i: any) => i.stepId === firstId);
        return item?.status === 'waiting' ? item : undefined;
      }, 15_000);
      expect(back.position).toBe(1);
      const audit = await t.sql.rows(
        `SELECT 1 FROM declaration_event WHERE step_id = $1 AND action = 'step.claim_expired'`,
        [firstId],
      );
      expect(audit).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('expires an accepted declaration whose truck never came, and frees its slot', async () => {
    const t = await startTestApp({ CLEARANCE_NO_SHOW_EXPIRY_MINUTES: '1' });
    try {
      const company = await t.createCompany();
      // Due an hour ago: inside the arrival window, already past the one-minute no-show allowance.
      const arrival = new Date(Date.now() - 3_600_000).toISOString();
      const d = await settled(
        t,
        company.apiKey,
        (await submit(t, company.apiKey, declarationBody({ gate: 'TAN_THANH', expectedArrivalAt: arrival }))).json().id,
      );
      const expired = await eventually(async () => {
        const now = await settled(t, company.apiKey, d.id);
        return now.status === 'expired' ? now : undefined;
      }, 15_000);
      expect(expired.timeline.map((e: any) => e.status)).toEqual(['submitted', 'accepted', 'expired']);
      // The slot went back: the ledger counts exactly the declarations that still hold one.
      const ledger = await t.sql.one<{ ledger: number; holding: number }>(
        `SELECT (SELECT accepted FROM gate_day_load WHERE gate_code = 'TAN_THANH' AND direction = 'export' AND day = d.arrival_day) AS ledger,
                (SELECT count(*)::int FROM declaration o WHERE o.gate_code = 'TAN_THANH' AND o.direction = 'export'
                    AND o.arrival_day = d.arrival_day AND o.status IN ('accepted', 'in_yard', 'cleared', 'refused', 'exited')) AS holding
           FROM declaration d WHERE d.id = $1`,
        [d.id],
      );
      expect(ledger!.ledger).toBe(ledger!.holding);
    } finally {
      await t.close();
    }
  });
});
