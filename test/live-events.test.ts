import { randomBytes } from 'node:crypto';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually, machines } from './support/factories.js';
import { officer, type TestOfficer } from './support/officers.js';
import { SseClient } from './support/sse.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('following a truck live (SSE), across API processes', () => {
  const prefix = `bgtest-${randomBytes(4).toString('hex')}`;
  let worker: TestApp; // API + worker (the dispatcher publishes here)
  let viewerApi: TestApp; // a second, API-only process the viewer talks to
  let company: { id: string; apiKey: string };
  let yard: TestOfficer;
  let customs: TestOfficer;
  let borderGuard: TestOfficer;

  beforeAll(async () => {
    worker = await startTestApp({ QUEUE_PREFIX: prefix });
    viewerApi = await startTestApp({ QUEUE_PREFIX: prefix, APP_ROLE: 'api' });
    company = await worker.createCompany();
    [yard, customs, borderGuard] = await Promise.all([
      officer(worker, 'yard', ['TAN_THANH']),
      officer(worker, 'customs', ['TAN_THANH']),
      officer(worker, 'border_guard', ['TAN_THANH']),
    ]);
  });
  afterAll(async () => {
    await viewerApi.close();
    await worker.close();
  });

  const act = (url: string, who: TestOfficer, payload: unknown = {}) =>
    worker.request({ method: 'POST', url, headers: who.headers, payload });

  /** Passes this declaration's step in an agency's queue, serving any other file's trucks that are ahead of it. */
  async function passFor(
    declarationId: string,
    agency: string,
    who: TestOfficer,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    for (;;) {
      const step = (await act(`/api/v1/gates/TAN_THANH/queues/${agency}/claim`, who)).json();
      const decision =
        agency === 'yard'
          ? { decision: 'pass', paymentReference: 'PT-OTHER', ...extra }
          : { decision: 'pass', ...extra };
      expect((await act(`/api/v1/steps/${step.id}/decision`, who, decision)).statusCode).toBe(200);
      const owner = await worker.sql.one<{ declaration_id: string }>(
        'SELECT declaration_id FROM clearance_step WHERE id = $1',
        [step.id],
      );
      if (owner!.declaration_id === declarationId) return;
    }
  }

  it('streams each change in order, and resumes after a reconnect with Last-Event-ID', async () => {
    const d = await settled(
      worker,
      company.apiKey,
      (await submit(worker, company.apiKey, declarationBody({ gate: 'TAN_THANH', cargo: machines }))).json().id,
    );
    const url = `${viewerApi.baseUrl}/api/v1/vehicles/${encodeURIComponent(d.vehicle.plateDisplay.toLowerCase())}/events`;

    const first = new SseClient(url);
    expect(await first.status).toBe(200);
    const [current] = await first.take(1);
    expect(current).toMatchObject({
      event: 'status',
      data: { plate: d.vehicle.plate, status: 'accepted', gate: 'TAN_THANH' },
    });
    expect(Object.keys(current.data).sort()).toEqual(['at', 'gate', 'plate', 'status']); // public: status only

    await act('/api/v1/gates/TAN_THANH/check-ins', yard, { plate: d.vehicle.plate });
    const [, inYard] = await first.take(2);
    expect(inYard.data.status).toBe('in_yard');
    expect(Number(inYard.id)).toBeGreaterThan(Number(current.id));
    first.close();

    // While nobody watches, the truck is cleared.
    await passFor(d.id, 'customs', customs);
    await passFor(d.id, 'border_guard', borderGuard);
    await passFor(d.id, 'yard', yard, { paymentReference: 'PT-LIVE-1' });
    await eventually(async () =>
      (await settled(worker, company.apiKey, d.id)).status === 'cleared' ? true : undefined,
    );

    const second = new SseClient(url, { 'last-event-id': inYard.id! });
    expect(await second.status).toBe(200);
    const [missed] = await second.take(1);
    expect(missed.data.status).toBe('cleared');
    await act('/api/v1/gates/TAN_THANH/exits', borderGuard, { plate: d.vehicle.plate });
    const [, exited] = await second.take(2);
    expect(exited.data.status).toBe('exited');
    second.close();

    const ids = [current, inYard, missed, exited].map((e) => Number(e.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('answers a bad or unknown plate before opening a stream', async () => {
    const bad = await viewerApi.request({ method: 'GET', url: '/api/v1/vehicles/12C%E2%80%8B12345/events' });
    expect(bad.statusCode).toBe(400);
    const unknown = await viewerApi.request({ method: 'GET', url: '/api/v1/vehicles/98C-999.91/events' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('VEHICLE.NOT_FOUND');
  });
});

describe('queue position and estimated wait', () => {
  it('moves the truck up as officers claim, with an estimate once the queue has a service rate', async () => {
    const t = await startTestApp();
    try {
      const company = await t.createCompany();
      const yard = await officer(t, 'yard', ['HUU_NGHI']);
      const customs = await officer(t, 'customs', ['HUU_NGHI']);
      const call = (url: string, payload: unknown = {}) =>
        t.request({ method: 'POST', url, headers: customs.headers, payload });
      // Serve whatever other tests left in this queue, so positions below are ours.
      for (;;) {
        const res = await call('/api/v1/gates/HUU_NGHI/queues/customs/claim');
        if (res.statusCode === 204) break;
        await call(`/api/v1/steps/${res.json().id}/decision`, { decision: 'pass' });
      }
      const trucks = [];
      for (let i = 0; i < 6; i += 1) {
        const d = await settled(
          t,
          company.apiKey,
          (await submit(t, company.apiKey, declarationBody({ cargo: machines }))).json().id,
        );
        await t.request({
          method: 'POST',
          url: '/api/v1/gates/HUU_NGHI/check-ins',
          headers: yard.headers,
          payload: { plate: d.vehicle.plate },
        });
        trucks.push(d);
      }
      const last = trucks[trucks.length - 1];
      const look = async () =>
        (await t.request({ method: 'GET', url: `/api/v1/vehicles/${last.vehicle.plate}/status` })).json()
          .currentSteps[0];

      const before = await look();
      expect(before.queuePosition).toBe(6);
      for (let i = 0; i < 3; i += 1) {
        const step = (await call('/api/v1/gates/HUU_NGHI/queues/customs/claim')).json();
        await call(`/api/v1/steps/${step.id}/decision`, { decision: 'pass' });
      }
      // The service rate is every customs decision at the gate in the last hour, other tests' included.
      const decidedLastHour = async (): Promise<number> =>
        (await t.sql.one<{ n: number }>(
          `SELECT count(*)::int AS n FROM clearance_step
            WHERE gate_code = 'HUU_NGHI' AND agency = 'customs' AND decided_at > now() - interval '1 hour'`,
        ))!.n;
      const after = await look();
      expect(after.queuePosition).toBe(3);
      // At least three decisions in the last hour: now there is a rate to estimate from.
      expect(after.estimate).toBe('ok');
      expect(after.estimatedWaitMinutes).toBe(Math.ceil((3 * 60) / (await decidedLastHour())));

      await call('/api/v1/gates/HUU_NGHI/queues/customs/claim');
      const closer = await look();
      expect(closer.queuePosition).toBe(2);
      expect(closer.estimatedWaitMinutes).toBe(Math.ceil((2 * 60) / (await decidedLastHour())));
      expect(closer.estimatedWaitMinutes).toBeLessThanOrEqual(after.estimatedWaitMinutes);

      // An accepted truck still on its way sees how many are expected before it.
      const early = await settled(
        t,
        company.apiKey,
        (
          await submit(
            t,
            company.apiKey,
            declarationBody({ expectedArrivalAt: new Date(Date.now() + 3_600_000).toISOString() }),
          )
        ).json().id,
      );
      const later = await settled(
        t,
        company.apiKey,
        (
          await submit(
            t,
            company.apiKey,
            declarationBody({ expectedArrivalAt: new Date(Date.now() + 7_200_000).toISOString() }),
          )
        ).json().id,
      );
      const aheadOfEarly = (
        await t.request({ method: 'GET', url: `/api/v1/vehicles/${early.vehicle.plate}/status` })
      ).json().expectedAhead;
      const aheadOfLater = (
        await t.request({ method: 'GET', url: `/api/v1/vehicles/${later.vehicle.plate}/status` })
      ).json().expectedAhead;
      expect(aheadOfLater).toBeGreaterThanOrEqual(aheadOfEarly + 1);
    } finally {
      await t.close();
    }
  });
});
