import { randomBytes } from 'node:crypto';
import { BoardWatch } from '../src/modules/gates/board-watch.schedule.js';
import type { BoardWarningMessage } from '../src/modules/gates/board-events.js';
import { SlotHoursRepository } from '../src/modules/slots/slot-hours.repository.js';
import { settled, submit } from './support/api.js';
import { declarationBody, idempotencyKey, machines } from './support/factories.js';
import { SseClient } from './support/sse.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Works at TAN_THANH, on top of whatever other files left there: the numbers are checked against the board read
// before, and the yard capacity is chosen from it. The bookings are written with SQL (slot_start and the hourly
// ledger) on declarations accepted through the API, as the slot booking endpoints are another part of the service.
const GATE = 'TAN_THANH';
const HOUR = 3_600_000;

interface GateSettings {
  yard_capacity: number;
  capacity_export_per_day: number;
  capacity_import_per_day: number;
}

describe("the board's next 12 hours, its forecast and the warnings (SSE), across API processes", () => {
  const prefix = `bgtest-${randomBytes(4).toString('hex')}`;
  let worker: TestApp; // API + worker (BoardWatch publishes here)
  let viewerApi: TestApp; // a second, API-only process the viewer talks to
  let company: { id: string; apiKey: string };
  let saved: GateSettings;
  const booked: { ids: string[]; slot: Date | null } = { ids: [], slot: null };
  const exceptionReason = `board-forecast.test ${prefix}`;

  beforeAll(async () => {
    // The watch runs when the test says (BoardWatch.watch()), not on its own timer.
    worker = await startTestApp({ QUEUE_PREFIX: prefix, BOARD_WATCH_INTERVAL_MS: '3600000' });
    viewerApi = await startTestApp({ QUEUE_PREFIX: prefix, APP_ROLE: 'api' });
    company = await worker.createCompany();
    saved = (await worker.sql.one<GateSettings>(
      'SELECT yard_capacity, capacity_export_per_day, capacity_import_per_day FROM gate WHERE code = $1',
      [GATE],
    ))!;
    // Today's demand stays far below capacity: the present level is green whatever other files booked.
    await worker.sql.rows(
      'UPDATE gate SET capacity_export_per_day = 100000, capacity_import_per_day = 100000 WHERE code = $1',
      [GATE],
    );
  });

  afterAll(async () => {
    await releaseBookings();
    await worker.sql.rows('DELETE FROM gate_capacity_exception WHERE reason = $1', [exceptionReason]);
    await worker.sql.rows(
      'UPDATE gate SET yard_capacity = $2, capacity_export_per_day = $3, capacity_import_per_day = $4 WHERE code = $1',
      [GATE, saved.yard_capacity, saved.capacity_export_per_day, saved.capacity_import_per_day],
    );
    await watch(); // the recorded level is the restored gate's again
    await viewerApi.close();
    await worker.close();
  });

  const board = async (): Promise<any> => {
    const res = await viewerApi.request({ method: 'GET', url: `/api/v1/gates/${GATE}/board` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const hourAt = (b: any, slot: Date): any => b.nextHours.find((h: any) => h.slotStart === slot.toISOString());
  const watch = async (): Promise<BoardWarningMessage[]> =>
    (await worker.app.get(BoardWatch).watch()).filter((change) => change.gate === GATE);

  /** The booked slot taken back (ledger included), then the declarations cancelled by their company. */
  async function releaseBookings(): Promise<void> {
    if (booked.ids.length === 0 || !booked.slot) return;
    await worker.sql.rows('UPDATE declaration SET slot_start = NULL WHERE id = ANY($1)', [booked.ids]);
    await worker.sql.rows(
      `UPDATE gate_hour_load SET booked = booked - $3 WHERE gate_code = $1 AND direction = 'export' AND slot_start = $2`,
      [GATE, booked.slot, booked.ids.length],
    );
    for (const id of booked.ids) {
      const res = await worker.request({
        method: 'POST',
        url: `/api/v1/declarations/${id}/cancel`,
        headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': idempotencyKey() },
      });
      expect(res.statusCode).toBe(200);
    }
    booked.ids = [];
  }

  it('shows the next 12 hours from the current one, the regulation yards and the forecast', async () => {
    const b = await board();
    expect(b.nextHours).toHaveLength(12);
    const first = Date.parse(b.nextHours[0].slotStart);
    expect(first % HOUR).toBe(0);
    expect(b.nextHours.map((h: any) => Date.parse(h.slotStart))).toEqual(
      Array.from({ length: 12 }, (_, i) => first + i * HOUR),
    );
    // Both directions summed, as the slots read them.
    const slots = await worker.app.get(SlotHoursRepository).hours(GATE, ['export', 'import'], new Date(first), 12);
    for (const h of b.nextHours) {
      const both = slots.filter((s) => s.slot_start.toISOString() === h.slotStart);
      expect(h.capacity).toBe(both.reduce((n, s) => n + s.capacity, 0));
      expect(h.booked).toBe(both.reduce((n, s) => n + s.booked, 0));
      expect(Object.keys(h).sort()).toEqual(
        ['booked', 'capacity', 'expectedArrivals', 'expectedInYard', 'fromRegulationYards', 'slotStart'].sort(),
      );
    }
    expect(b.regulationYards.yards.map((y: any) => y.code)).toEqual(['THUY_HUNG']);
    expect(b.regulationYards.yards[0]).toMatchObject({
      name: expect.any(String),
      nameEn: expect.any(String),
      capacity: expect.any(Number),
      open: true,
    });
    expect(b.regulationYards.waiting).toBe(b.regulationYards.yards.reduce((n: number, y: any) => n + y.waiting, 0));
    expect(b.regulationYards.called).toBe(b.regulationYards.yards.reduce((n: number, y: any) => n + y.called, 0));

    // The service rate: the exits of the board's window (6 hours) per hour, or the current hour's capacity.
    const { exits } = (await worker.sql.one<{ exits: number }>(
      `SELECT count(*)::int AS exits FROM declaration WHERE gate_code = $1 AND exited_at >= now() - interval '6 hours'`,
      [GATE],
    ))!;
    expect(b.forecast).toMatchObject({
      yardCapacity: saved.yard_capacity,
      peakInYard: Math.max(...b.nextHours.map((h: any) => h.expectedInYard)),
      serviceRateSource: exits > 0 ? 'measured' : 'capacity',
      serviceRatePerHour: exits > 0 ? Math.round((exits / 6) * 10) / 10 : b.nextHours[0].capacity,
    });
    expect(hourAt(b, new Date(b.forecast.peakHour)).expectedInYard).toBe(b.forecast.peakInYard);
    expect(b.warningLevel).toBe(b.warningSetBy === 'present' ? b.presentWarningLevel : b.forecast.level);
  });

  it('warns when bookings will fill the gate yard while the present is green, and again when they are gone', async () => {
    const before = await board();
    // A yard the present forecast keeps green (peak under 0.7 of it).
    const yardCapacity = Math.max(4, Math.floor(before.forecast.peakInYard / 0.7) + 1);
    await worker.sql.rows('UPDATE gate SET yard_capacity = $2 WHERE code = $1', [GATE, yardCapacity]);
    // Two hours ahead the Chinese side takes nothing: when no exits were measured the forecast serves that hour's
    // capacity, now 0, so the trucks booked for it stay in the yard whatever the time of day.
    const slot = new Date(Math.floor(Date.now() / HOUR) * HOUR + 2 * HOUR);
    await worker.sql.rows(
      `INSERT INTO gate_capacity_exception (gate_code, starts_at, ends_at, capacity_per_hour, reason)
       VALUES ($1, $2, $3, 0, $4)`,
      [GATE, slot, new Date(slot.getTime() + HOUR), exceptionReason],
    );
    await watch();
    const green = await board();
    expect(green).toMatchObject({
      warningLevel: 'green',
      presentWarningLevel: 'green',
      warningSetBy: 'present',
      forecast: { level: 'green', yardCapacity },
    });

    const viewer = new SseClient(`${viewerApi.baseUrl}/api/v1/gates/${GATE.toLowerCase()}/board/events`);
    expect(await viewer.status).toBe(200);
    const [current] = await viewer.take(1);
    expect(current).toMatchObject({ event: 'warning', data: { gate: GATE, level: 'green' } });
    expect(Object.keys(current.data).sort()).toEqual(['at', 'forecast', 'gate', 'level', 'previous', 'setBy']);

    // Enough trucks booked for that hour to fill the yard, beyond what the gate serves meanwhile.
    const rate = green.forecast.serviceRateSource === 'measured' ? Math.ceil(green.forecast.serviceRatePerHour) : 0;
    const trucks = yardCapacity + rate + 2;
    const ids = await Promise.all(
      Array.from({ length: trucks }, async () => {
        const body = declarationBody({
          gate: GATE,
          direction: 'export',
          cargo: machines,
          expectedArrivalAt: new Date(slot.getTime() + 10 * 60_000).toISOString(),
        });
        const res = await submit(worker, company.apiKey, body);
        expect(res.statusCode).toBe(202);
        const d = await settled(worker, company.apiKey, res.json().id);
        expect(d.status).toBe('accepted');
        return d.id as string;
      }),
    );
    booked.ids = ids;
    booked.slot = slot;
    await worker.sql.rows('UPDATE declaration SET slot_start = $2 WHERE id = ANY($1)', [ids, slot]);
    await worker.sql.rows(
      `INSERT INTO gate_hour_load (gate_code, direction, slot_start, booked) VALUES ($1, 'export', $2, $3)
       ON CONFLICT (gate_code, direction, slot_start) DO UPDATE SET booked = gate_hour_load.booked + $3`,
      [GATE, slot, trucks],
    );

    const rising = await board();
    expect(hourAt(rising, slot)).toMatchObject({
      capacity: 0,
      booked: hourAt(green, slot).booked + trucks,
      expectedArrivals: hourAt(green, slot).expectedArrivals + trucks,
    });
    expect(hourAt(rising, slot).expectedInYard).toBeGreaterThanOrEqual(yardCapacity);
    expect(rising).toMatchObject({
      presentWarningLevel: 'green',
      warningLevel: 'red',
      warningSetBy: 'forecast',
      forecast: { level: 'red', yardCapacity },
    });
    expect(rising.forecast.peakInYard).toBeGreaterThanOrEqual(yardCapacity);
    expect(Date.parse(rising.forecast.peakHour)).toBeGreaterThanOrEqual(slot.getTime());

    // Two watchers at once record the change once; the viewer on the other API process is told.
    const runs = await Promise.all([watch(), watch()]);
    expect(runs.flat()).toHaveLength(1);
    const [, red] = await viewer.take(2);
    expect(red).toMatchObject({
      event: 'warning',
      data: {
        gate: GATE,
        level: 'red',
        previous: 'green',
        setBy: 'forecast',
        forecast: { level: 'red', peakHour: rising.forecast.peakHour, peakInYard: rising.forecast.peakInYard },
      },
    });
    expect(Number(red.id)).toBeGreaterThan(Number(current.id));
    expect(await watch()).toEqual([]); // nothing changed since

    // The bookings go: the forecast, and the board, fall back to green.
    await releaseBookings();
    const calm = await board();
    expect(hourAt(calm, slot).expectedArrivals).toBe(hourAt(green, slot).expectedArrivals);
    expect(calm).toMatchObject({ warningLevel: 'green', warningSetBy: 'present', forecast: { level: 'green' } });
    await watch();
    const [, , fell] = await viewer.take(3);
    expect(fell).toMatchObject({ event: 'warning', data: { gate: GATE, level: 'green', previous: 'red' } });
    viewer.close();

    // A viewer reconnecting after the first event is replayed what it missed, in order.
    const again = new SseClient(`${viewerApi.baseUrl}/api/v1/gates/${GATE}/board/events`, {
      'last-event-id': current.id!,
    });
    expect(await again.status).toBe(200);
    const replayed = await again.take(2);
    expect(replayed.map((e) => [e.id, e.data.level])).toEqual([
      [red.id, 'red'],
      [fell.id, 'green'],
    ]);
    again.close();
  });

  it('answers a bad gate before opening a stream', async () => {
    const bad = await viewerApi.request({ method: 'GET', url: '/api/v1/gates/NOWHERE/board/events' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('gate');
  });
});
