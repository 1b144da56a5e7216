import { FastClock } from '../src/common/clock.js';
import { Sql } from '../src/database/sql.js';
import { BookingSanctions } from '../src/modules/slots/booking-sanctions.js';
import { hourOf } from '../src/modules/slots/slot-hours.repository.js';
import { SlotWatchService } from '../src/modules/slots/slot-watch.service.js';
import { settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody, idempotencyKey, machines, uniqueVnPlate } from './support/factories.js';
import { officer, postAs, type TestOfficer } from './support/officers.js';
import { type InjectOptions, startTestApp, type TestApp, type TestCompany } from './support/test-app.js';

const GATE = 'TAN_THANH';
const HOUR = 3_600_000;

describe('no-shows, strikes and booking suspensions', () => {
  let t: TestApp;
  let company: TestCompany;
  let supervisor: TestOfficer;
  let customs: TestOfficer;
  let ruleBefore: Record<string, unknown>;
  let exceptionId: string;
  const slot = hourOf(new Date());
  const live: string[] = [];

  /** The slot watch on a clock two hours ahead: the bookings of the current hour have lapsed by it. */
  let watch: SlotWatchService;

  beforeAll(async () => {
    t = await startTestApp();
    company = await t.createCompany('Sanctions Transport Co');
    supervisor = await officer(t, 'supervisor', [GATE]);
    customs = await officer(t, 'customs', [GATE]);
    const rule = await as('GET', `/api/v1/gates/${GATE}/booking-rule`, supervisor);
    expect(rule.statusCode).toBe(200);
    const editable: Record<string, unknown> = { ...rule.json() };
    for (const key of ['gate', 'updatedAt', 'updatedBy']) delete editable[key];
    ruleBefore = editable;
    // A short rule: two strikes of a vehicle suspend it.
    const set = await as('PUT', `/api/v1/gates/${GATE}/booking-rule`, supervisor, {
      ...editable,
      vehicleStrikeLimit: 2,
    });
    expect(set.json()).toMatchObject({ vehicleStrikeLimit: 2, lateGraceMinutes: 60, lateCancellationMinutes: 120 });
    // The current hour takes bookings whatever the time of day.
    const exception = await postAs(t, supervisor, `/api/v1/gates/${GATE}/capacity-exceptions`, {
      direction: 'export',
      startsAt: slot.toISOString(),
      endsAt: new Date(slot.getTime() + HOUR).toISOString(),
      capacityPerHour: 1000,
      reason: 'Test: sanctions',
    });
    expect(exception.statusCode).toBe(201);
    exceptionId = exception.json().id;
    const ahead = new FastClock(new Date(Date.now() + 2 * HOUR + 60_000), 1);
    watch = new SlotWatchService(t.app.get(Sql), ahead, t.app.get(BookingSanctions));
  });
  afterAll(async () => {
    for (const id of live) await asCompany('POST', `/api/v1/declarations/${id}/cancel`);
    await as('DELETE', `/api/v1/gates/${GATE}/capacity-exceptions/${exceptionId}`, supervisor);
    await as('PUT', `/api/v1/gates/${GATE}/booking-rule`, supervisor, ruleBefore);
    await t.close();
  });

  const as = (method: InjectOptions['method'], url: string, who: TestOfficer, payload?: unknown) =>
    t.request({ method, url, headers: who.headers, payload });
  const asCompany = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.request({
      method,
      url,
      headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': idempotencyKey() },
      payload,
    });

  async function declare(plate: string, booking: boolean): Promise<any> {
    const body = declarationBody({ gate: GATE, direction: 'export', cargo: machines });
    const res = await submit(t, company.apiKey, {
      ...body,
      vehicle: { ...body.vehicle, plate },
      ...(booking
        ? { slotStart: slot.toISOString(), expectedArrivalAt: undefined }
        : { expectedArrivalAt: new Date().toISOString() }),
    });
    expect(res.statusCode).toBe(202);
    return settled(t, company.apiKey, res.json().id);
  }

  const actions = (id: string, prefix: string) =>
    t.sql.rows<{ action: string; actor: string; note: string | null }>(
      `SELECT action, actor, note FROM declaration_event WHERE declaration_id = $1 AND action LIKE $2 ORDER BY at, action`,
      [id, `${prefix}%`],
    );
  const strikes = (id: string) =>
    t.sql.rows<{ kind: string }>('SELECT kind FROM booking_strike WHERE declaration_id = $1 ORDER BY kind', [id]);

  it('takes the hour of a truck that did not come, strikes twice, suspends the vehicle, and a supervisor lifts it', async () => {
    const plate = uniqueVnPlate();

    const first = await declare(plate, true);
    expect(first.status).toBe('accepted');
    const run = await watch.runOnce();
    expect(run.noShows).toBeGreaterThanOrEqual(1);
    const lapsed = await asCompany('GET', `/api/v1/declarations/${first.id}`);
    expect(lapsed.json()).toMatchObject({ status: 'accepted', slot: null });
    expect(await actions(first.id, 'slot.')).toEqual([
      expect.objectContaining({ action: 'slot.booked' }),
      { action: 'slot.no_show', actor: 'system:slot-watch', note: `slot ${slot.toISOString().slice(0, 19)}Z` },
    ]);
    expect(await strikes(first.id)).toEqual([{ kind: 'no_show' }]);
    // A second run finds nothing more to do with it.
    await watch.runOnce();
    expect(await strikes(first.id)).toEqual([{ kind: 'no_show' }]);
    expect((await asCompany('POST', `/api/v1/declarations/${first.id}/cancel`)).statusCode).toBe(200);

    const second = await declare(plate, true);
    expect(second.status).toBe('accepted');
    expect((await watch.runOnce()).suspensions).toBeGreaterThanOrEqual(1);
    const suspended = await actions(second.id, 'booking.');
    expect(suspended).toEqual([
      { action: 'booking.suspended', actor: 'system:slot-watch', note: expect.stringMatching(/^vehicle until /) },
    ]);
    expect((await asCompany('POST', `/api/v1/declarations/${second.id}/cancel`)).statusCode).toBe(200);

    // The next booking of the vehicle is refused, with the reason and until when.
    const refused = await declare(plate, true);
    expect(refused.status).toBe('rejected');
    expect(refused.reasons).toEqual([
      { code: 'BOOKING.SUSPENDED', message: expect.stringMatching(/\S/), until: expect.any(String) },
    ]);
    const unbooked = await declare(plate, false);
    expect(unbooked.status).toBe('accepted');
    live.push(unbooked.id);
    const put = await asCompany('PUT', `/api/v1/declarations/${unbooked.id}/slot`, { slotStart: slot.toISOString() });
    const error = expectError(put, 409, 'BOOKING.SUSPENDED');
    expect(error.details).toEqual({ scope: 'vehicle', until: refused.reasons[0].until, reason: expect.any(String) });

    const mine = await asCompany('GET', '/api/v1/booking-suspensions');
    expect(mine.statusCode).toBe(200);
    const suspension = mine.json().find((s: any) => s.plate === unbooked.vehicle.plate);
    expect(suspension).toMatchObject({ scope: 'vehicle', strikes: 2, until: refused.reasons[0].until, liftedAt: null });
    const atGate = await as('GET', `/api/v1/gates/${GATE}/booking-suspensions`, customs);
    expect(atGate.json().map((s: any) => s.id)).toContain(suspension.id);

    const lift = (who: TestOfficer, note: unknown) =>
      postAs(t, who, `/api/v1/booking-suspensions/${suspension.id}/lift`, { note });
    expectError(await lift(customs, 'Breakdown'), 403, 'AUTH.FORBIDDEN');
    expect(expectError(await lift(supervisor, ' '), 400, 'REQUEST.VALIDATION_FAILED').details[0].field).toBe('note');
    const lifted = await lift(supervisor, 'The truck broke down on QL1A; workshop receipt seen');
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ id: suspension.id, liftedBy: supervisor.id, liftNote: expect.any(String) });
    expectError(await lift(supervisor, 'Again'), 409, 'SUSPENSION.ALREADY_ENDED');
    expect(await actions(second.id, 'booking.')).toEqual([
      expect.objectContaining({ action: 'booking.suspended' }),
      {
        action: 'booking.suspension_lifted',
        actor: `officer:${supervisor.id}`,
        note: 'The truck broke down on QL1A; workshop receipt seen',
      },
    ]);
    expect((await asCompany('GET', '/api/v1/booking-suspensions')).json().map((s: any) => s.id)).not.toContain(
      suspension.id,
    );

    // Booking works again; giving the hour back less than two hours before it is a late cancellation.
    const booked = await asCompany('PUT', `/api/v1/declarations/${unbooked.id}/slot`, {
      slotStart: slot.toISOString(),
    });
    expect(booked.statusCode).toBe(200);
    expect((await asCompany('DELETE', `/api/v1/declarations/${unbooked.id}/slot`)).statusCode).toBe(200);
    expect(await strikes(unbooked.id)).toEqual([{ kind: 'late_cancellation' }]);
  });

  it('counts a booked declaration cancelled shortly before its hour as a late cancellation', async () => {
    const d = await declare(uniqueVnPlate(), true);
    expect(d.status).toBe('accepted');
    expect((await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`)).statusCode).toBe(200);
    await watch.runOnce();
    expect(await strikes(d.id)).toEqual([{ kind: 'late_cancellation' }]);
    await watch.runOnce();
    expect(await strikes(d.id)).toEqual([{ kind: 'late_cancellation' }]);
  });
});
