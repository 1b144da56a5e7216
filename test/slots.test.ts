import { settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import { type DeclarationBody, declarationBody, idempotencyKey, machines } from './support/factories.js';
import { officer, postAs, type TestOfficer } from './support/officers.js';
import {
  type InjectOptions,
  startTestApp,
  type TestApp,
  type TestCompany,
  type TestResponse,
} from './support/test-app.js';

const GATE = 'TAN_THANH';
const HOUR = 3_600_000;

/** 09:00 Vietnam time (02:00 UTC), `days` days from today: a working hour of the gate, well inside the horizon. */
function morning(days: number, plusHours = 0): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, 2 + plusHours));
}

describe('arrival slots', () => {
  let t: TestApp;
  let company: TestCompany;
  let supervisor: TestOfficer;
  let customs: TestOfficer;
  const exceptions: string[] = [];
  let hourlyBefore: { hour: number; capacity: number }[];

  beforeAll(async () => {
    t = await startTestApp();
    company = await t.createCompany('Slots Transport Co');
    supervisor = await officer(t, 'supervisor', [GATE]);
    customs = await officer(t, 'customs', [GATE]);
    const res = await asOfficer('GET', `/api/v1/gates/${GATE}/hourly-capacity?direction=import`, supervisor);
    hourlyBefore = res.json()[0].hours;
  });
  afterAll(async () => {
    for (const id of exceptions)
      await asOfficer('DELETE', `/api/v1/gates/${GATE}/capacity-exceptions/${id}`, supervisor);
    await asOfficer('PUT', `/api/v1/gates/${GATE}/hourly-capacity`, supervisor, {
      direction: 'import',
      hours: hourlyBefore,
    });
    await t.close();
  });

  const asOfficer = (method: InjectOptions['method'], url: string, who: TestOfficer, payload?: unknown) =>
    t.request({ method, url, headers: who.headers, payload });
  const asCompany = (method: InjectOptions['method'], url: string, payload?: unknown): Promise<TestResponse> =>
    t.request({
      method,
      url,
      headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': idempotencyKey() },
      payload,
    });

  /** The public calendar's hour of export at `at`. */
  async function hour(at: Date): Promise<any> {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/gates/${GATE}/slots?direction=export&from=${at.toISOString()}&hours=1`,
    });
    expect(res.statusCode).toBe(200);
    return res.json().hours[0];
  }

  /** Gives the export hour at `at` room for exactly `free` more bookings, by a calendar exception. */
  async function room(at: Date, free: number, reason = 'Test: a measured hour'): Promise<void> {
    const { booked } = await hour(at);
    const res = await postAs(t, supervisor, `/api/v1/gates/${GATE}/capacity-exceptions`, {
      direction: 'export',
      startsAt: at.toISOString(),
      endsAt: new Date(at.getTime() + HOUR).toISOString(),
      capacityPerHour: booked + free,
      reason,
    });
    expect(res.statusCode).toBe(201);
    exceptions.push(res.json().id);
  }

  const body = (slotStart: Date | null, extra: Record<string, unknown> = {}) => {
    const rest: Partial<DeclarationBody> = declarationBody({ gate: GATE, direction: 'export', cargo: machines });
    delete rest.expectedArrivalAt;
    return { ...rest, ...(slotStart ? { slotStart: slotStart.toISOString() } : {}), ...extra };
  };

  async function booked(slotStart: Date): Promise<any> {
    const res = await submit(t, company.apiKey, body(slotStart));
    expect(res.statusCode).toBe(202);
    return settled(t, company.apiKey, res.json().id);
  }

  const actions = (id: string) =>
    t.sql.rows<{ action: string; note: string | null }>(
      `SELECT action, note FROM declaration_event WHERE declaration_id = $1 AND action LIKE 'slot.%' ORDER BY at, action`,
      [id],
    );

  it('books the hour at submission: the arrival is its start, the calendar counts it and shows the exception', async () => {
    const at = morning(2);
    await room(at, 2, 'Test: reduced hours');
    const before = await hour(at);
    const d = await booked(at);
    expect(d.status).toBe('accepted');
    expect(d.slot).toEqual({ start: at.toISOString(), end: new Date(at.getTime() + HOUR).toISOString() });
    expect(d.expectedArrivalAt).toBe(at.toISOString());
    expect(await hour(at)).toEqual({
      ...before,
      booked: before.booked + 1,
      free: before.free - 1,
      exception: 'Test: reduced hours',
    });
    expect((await actions(d.id)).map((a) => a.action)).toEqual(['slot.booked']);
    const officerView = await asOfficer('GET', `/api/v1/gates/${GATE}/declarations/${d.id}`, customs);
    expect(officerView.json().slot).toEqual(d.slot);
  });

  it('rejects a full hour with the nearest free hours', async () => {
    const at = morning(2, 3);
    await room(at, 0);
    const d = await booked(at);
    expect(d.status).toBe('rejected');
    expect(d.reasons).toEqual([
      {
        code: 'GATE.SLOT_FULL',
        message: expect.stringMatching(/\S/),
        nearestFree: expect.arrayContaining([expect.any(String)]),
      },
    ]);
    expect(d.reasons[0].nearestFree.length).toBeLessThanOrEqual(3);
    expect(d.reasons[0].nearestFree).not.toContain(at.toISOString());
    for (const free of d.reasons[0].nearestFree) expect((await hour(new Date(free))).free).toBeGreaterThan(0);
  });

  it('moves a booking within the arrival day, refuses another day and a full hour, and releases it', async () => {
    const at = morning(3);
    const next = morning(3, 1);
    const full = morning(3, 2);
    await room(at, 1);
    await room(next, 1);
    await room(full, 0);
    const d = await booked(at);
    expect(d.status).toBe('accepted');

    const moved = await asCompany('PUT', `/api/v1/declarations/${d.id}/slot`, { slotStart: next.toISOString() });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ slot: { start: next.toISOString() }, expectedArrivalAt: next.toISOString() });
    expect((await hour(at)).free).toBe(1);
    expect((await hour(next)).free).toBe(0);

    const otherDay = await asCompany('PUT', `/api/v1/declarations/${d.id}/slot`, {
      slotStart: morning(4).toISOString(),
    });
    expectError(otherDay, 409, 'SLOT.OTHER_DAY');
    const isFull = expectError(
      await asCompany('PUT', `/api/v1/declarations/${d.id}/slot`, { slotStart: full.toISOString() }),
      409,
      'SLOT.FULL',
    );
    expect(isFull.details.nearestFree).toContain(at.toISOString());

    const released = await asCompany('DELETE', `/api/v1/declarations/${d.id}/slot`);
    expect(released.statusCode).toBe(200);
    expect(released.json().slot).toBeNull();
    expect((await hour(next)).free).toBe(1);
    expectError(await asCompany('DELETE', `/api/v1/declarations/${d.id}/slot`), 409, 'SLOT.NONE');
    expect((await actions(d.id)).map((a) => a.action)).toEqual(['slot.booked', 'slot.moved', 'slot.released']);
    const get = await asCompany('GET', `/api/v1/declarations/${d.id}`);
    expect(get.json()).toMatchObject({ status: 'accepted', slot: null, expectedArrivalAt: next.toISOString() });
  });

  it('gives the hour back when a booked declaration is cancelled', async () => {
    const at = morning(3, 4);
    await room(at, 1);
    const d = await booked(at);
    expect((await hour(at)).free).toBe(0);
    const res = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect((await hour(at)).free).toBe(1);
  });

  it('of N parallel bookings of an hour with one free, exactly one is accepted', async () => {
    const at = morning(4, 2);
    await room(at, 1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(t, company.apiKey, body(at))));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(202));
    const results = await Promise.all(answers.map((a) => settled(t, company.apiKey, a.json().id)));
    expect(results.map((r) => r.status).sort()).toEqual(['accepted', ...Array(5).fill('rejected')]);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(r.reasons[0].code).toBe('GATE.SLOT_FULL');
    expect(await hour(at)).toMatchObject({ free: 0 });
  });

  it('refuses bad input with 400s naming the field', async () => {
    const field = (res: TestResponse) => expectError(res, 400, 'REQUEST.VALIDATION_FAILED').details[0].field;
    const at = morning(2);
    expect(field(await submit(t, company.apiKey, body(new Date(at.getTime() + 60_000))))).toBe('slotStart');
    expect(field(await submit(t, company.apiKey, body(morning(-1))))).toBe('slotStart');
    expect(field(await submit(t, company.apiKey, body(morning(30))))).toBe('slotStart');
    const outside = body(at, { expectedArrivalAt: new Date(at.getTime() + 2 * HOUR).toISOString() });
    expect(field(await submit(t, company.apiKey, outside))).toBe('slotStart');
    expect(field(await submit(t, company.apiKey, body(null)))).toBe('expectedArrivalAt');
    const within = await submit(
      t,
      company.apiKey,
      body(at, { expectedArrivalAt: new Date(at.getTime() + 30 * 60_000).toISOString() }),
    );
    expect(within.statusCode).toBe(202);

    const slots = (query: string) => t.request({ method: 'GET', url: `/api/v1/gates/${GATE}/slots?${query}` });
    expect(field(await slots('hours=0'))).toBe('hours');
    expect(field(await slots('hours=337'))).toBe('hours');
    expect(field(await slots('direction=sideways'))).toBe('direction');
    expect(field(await slots('from=yesterday'))).toBe('from');
    expect(field(await t.request({ method: 'GET', url: '/api/v1/gates/NOWHERE/slots' }))).toBe('gate');
    expect(field(await asCompany('PUT', `/api/v1/declarations/${within.json().id}/slot`, {}))).toBe('slotStart');

    const capacity = (payload: unknown) =>
      asOfficer('PUT', `/api/v1/gates/${GATE}/hourly-capacity`, supervisor, payload);
    expect(field(await capacity({ direction: 'import', hours: [{ hour: 24, capacity: 1 }] }))).toBe('hours.0.hour');
    expect(field(await capacity({ direction: 'import', hours: [{ hour: 3, capacity: -1 }] }))).toBe('hours.0.capacity');
    const twice = {
      direction: 'import',
      hours: [
        { hour: 3, capacity: 1 },
        { hour: 3, capacity: 2 },
      ],
    };
    expect(field(await capacity(twice))).toBe('hours');
    const exception = (change: Record<string, unknown>) =>
      postAs(t, supervisor, `/api/v1/gates/${GATE}/capacity-exceptions`, {
        startsAt: morning(5).toISOString(),
        endsAt: morning(5, 1).toISOString(),
        capacityPerHour: 1,
        reason: 'Test',
        ...change,
      });
    expect(field(await exception({ endsAt: morning(5, -1).toISOString() }))).toBe('endsAt');
    expect(field(await exception({ startsAt: new Date(morning(5).getTime() + 60_000).toISOString() }))).toBe(
      'startsAt',
    );
    expect(field(await exception({ reason: ' ' }))).toBe('reason');
  });

  it("lets the gate's supervisors change the hourly capacity and the calendar, and no one else", async () => {
    const set = await asOfficer('PUT', `/api/v1/gates/${GATE}/hourly-capacity`, supervisor, {
      direction: 'import',
      hours: [{ hour: 3, capacity: 7 }],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().hours.find((h: any) => h.hour === 3)).toEqual({ hour: 3, capacity: 7 });
    const read = await asOfficer('GET', `/api/v1/gates/${GATE}/hourly-capacity`, customs);
    expect(read.json().map((d: any) => d.direction)).toEqual(['export', 'import']);
    expectError(
      await asOfficer('PUT', `/api/v1/gates/${GATE}/hourly-capacity`, customs, {
        direction: 'import',
        hours: [{ hour: 3, capacity: 9 }],
      }),
      403,
      'AUTH.FORBIDDEN',
    );
    const elsewhere = await officer(t, 'supervisor', ['HUU_NGHI']);
    expectError(await asOfficer('GET', `/api/v1/gates/${GATE}/booking-rule`, elsewhere), 403, 'AUTH.FORBIDDEN');

    const at = morning(6, 1);
    const added = await postAs(t, supervisor, `/api/v1/gates/${GATE}/capacity-exceptions`, {
      startsAt: at.toISOString(),
      endsAt: new Date(at.getTime() + 2 * HOUR).toISOString(),
      capacityPerHour: 0,
      reason: 'Test: the Chinese side is closed',
    });
    expect(added.statusCode).toBe(201);
    expect((await hour(at)).capacity).toBe(0);
    const listed = await asOfficer('GET', `/api/v1/gates/${GATE}/capacity-exceptions`, customs);
    expect(listed.json().map((e: any) => e.id)).toContain(added.json().id);
    const removed = await asOfficer(
      'DELETE',
      `/api/v1/gates/${GATE}/capacity-exceptions/${added.json().id}`,
      supervisor,
    );
    expect(removed.statusCode).toBe(204);
    expect((await hour(at)).exception).toBeNull();
    expectError(
      await asOfficer('DELETE', `/api/v1/gates/${GATE}/capacity-exceptions/${added.json().id}`, supervisor),
      404,
      'CAPACITY_EXCEPTION.NOT_FOUND',
    );
  });
});
