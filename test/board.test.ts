import { settled, submit } from './support/api.js';
import { declarationBody, fruit, machines } from './support/factories.js';
import { officer, postAs, startWithGateCrew, type AgencyName, type TestOfficer } from './support/officers.js';
import { decideHeadOfQueue, emptyQueues } from './support/queues.js';
import type { TestApp, TestCompany } from './support/test-app.js';

// Works at TAN_THANH (stats.test.ts works at HUU_NGHI). The database may hold other files' trucks (`npm test`
// runs every file on one database), so numbers are checked as what we did on top of the board we started from.
const GATE = 'TAN_THANH';
const AGENCIES = ['customs', 'border_guard', 'quarantine', 'yard'] as const;
const ZONE = 'Asia/Ho_Chi_Minh';

const localDay = (at: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(at);

/** The warning level the thresholds 0.7 / 0.85 / 1 give (red without capacity). */
const levelOf = (booked: number, capacity: number): string => {
  const demand = capacity === 0 ? Infinity : booked / capacity;
  return demand >= 1 ? 'red' : demand >= 0.85 ? 'orange' : demand >= 0.7 ? 'yellow' : 'green';
};

/** Median rounded to 0.1, null for no values. */
const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return Math.round(((sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2) * 10) / 10;
};

/** An arrival time inside the arrival window and inside today, the gate's local day. */
function arrivalToday(): string {
  const soon = new Date(Date.now() + 30 * 60_000);
  return (localDay(soon) === localDay(new Date()) ? soon : new Date(Date.now() - 30 * 60_000)).toISOString();
}

describe('the gate board', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  const seen: { plates: string[] } = { plates: [] };

  beforeAll(async () => ({ t, company, crew } = await startWithGateCrew(GATE)));
  afterAll(async () => {
    // Later test files on this database find the gate open and its queues empty.
    await t.sql.rows(
      'UPDATE gate SET open = true, closed_reason = NULL, closed_at = NULL, closed_by = NULL WHERE code = $1',
      [GATE],
    );
    await emptyQueues(t, GATE, crew, 'cleared away by board.test');
    await t.close();
  });

  const board = async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/gates/${GATE}/board` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  async function accepted(direction: 'export' | 'import', cargo = machines): Promise<any> {
    const res = await submit(
      t,
      company.apiKey,
      declarationBody({ gate: GATE, direction, cargo, expectedArrivalAt: arrivalToday() }),
    );
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    seen.plates.push(d.vehicle.plate, d.vehicle.plateDisplay);
    return d;
  }

  async function checkIn(d: any): Promise<void> {
    expect((await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate })).statusCode).toBe(
      201,
    );
  }

  const decideNext = (agency: AgencyName, d: any, decision?: 'pass' | 'hold' | 'refuse') =>
    decideHeadOfQueue(t, GATE, crew, agency, d, decision);

  /** Exports: customs, border guard, fee. Imports: border guard, customs, fee. */
  async function clear(d: any): Promise<void> {
    await checkIn(d);
    const order: AgencyName[] =
      d.direction === 'export' ? ['customs', 'border_guard', 'yard'] : ['border_guard', 'customs', 'yard'];
    for (const agency of order) await decideNext(agency, d);
  }

  async function exit(d: any): Promise<void> {
    const res = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/exits`, { plate: d.vehicle.plate });
    expect(res.json().status).toBe('exited');
  }

  /** Minutes from arrival to exit of this gate's exits in the board's window, read from the declarations. */
  async function exitMinutes(direction?: string): Promise<number[]> {
    const rows = await t.sql.rows<{ minutes: number }>(
      `SELECT extract(epoch FROM exited_at - arrived_at)::float8 / 60 AS minutes FROM declaration
        WHERE gate_code = $1 AND exited_at >= now() - interval '6 hours' AND ($2::text IS NULL OR direction = $2)`,
      [GATE, direction ?? null],
    );
    return rows.map((r) => r.minutes);
  }

  it('lists both gates with names, counterpart, yards, capacity and open state, for anyone', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/gates' });
    expect(res.statusCode).toBe(200);
    const gates = res.json();
    expect(gates.map((g: any) => g.code)).toEqual(['HUU_NGHI', 'TAN_THANH']);
    expect(gates[1]).toMatchObject({
      code: 'TAN_THANH',
      name: 'Cửa khẩu Tân Thanh',
      nameEn: 'Tan Thanh Border Gate',
      counterpartName: expect.stringContaining('Puzhai'),
      yards: [
        { code: 'THUY_HUNG', name: expect.any(String) },
        { code: 'TT_GATHERING', name: expect.any(String) },
      ],
      capacityPerDay: { export: 350, import: 450 },
      timezone: ZONE,
      open: true,
      closedReason: null,
    });
    expect(gates[1]).not.toHaveProperty('closedBy');
  });

  it('answers 400 for a gate that does not exist', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/gates/MONG_CAI/board' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('gate');
  });

  describe('a day at the gate', () => {
    // Every truck below arrives today and was accepted, so each holds one of today's capacity slots.
    const trucks: Record<string, any> = {};
    let capacity: { export: number; import: number };
    let base: any; // the board before we started

    beforeAll(async () => {
      const gates = (await t.request({ method: 'GET', url: '/api/v1/gates' })).json();
      capacity = gates.find((g: any) => g.code === GATE).capacityPerDay;
      await emptyQueues(t, GATE, crew, 'cleared away by board.test');
      base = await board();

      // Accepted, not arrived yet.
      trucks.comingExport1 = await accepted('export');
      trucks.comingExport2 = await accepted('export');
      trucks.comingImport = await accepted('import');
      // Cleared and gone.
      trucks.goneExport1 = await accepted('export');
      trucks.goneExport2 = await accepted('export');
      trucks.goneImport = await accepted('import');
      // Cleared, still in the yard; refused, still in the yard.
      trucks.clearedExport = await accepted('export');
      trucks.refusedExport = await accepted('export');
      // In the yard, waiting: at the fee, at border guard (export and import), at customs, at quarantine.
      trucks.atFee = await accepted('export');
      trucks.atBorderGuard = await accepted('export');
      trucks.atCustoms = await accepted('export');
      trucks.fruitHeld = await accepted('export', fruit);
      trucks.importAtBorderGuard = await accepted('import');
      // Rejected at screening (arrival far outside the window): it holds no slot and appears nowhere.
      const rejected = await submit(
        t,
        company.apiKey,
        declarationBody({ gate: GATE, expectedArrivalAt: new Date(Date.now() - 5 * 3_600_000).toISOString() }),
      );
      expect((await settled(t, company.apiKey, rejected.json().id)).status).toBe('rejected');

      // One truck at a time, so the head of each queue is always the truck we mean.
      for (const d of [trucks.goneExport1, trucks.goneExport2, trucks.goneImport, trucks.clearedExport]) await clear(d);
      for (const d of [trucks.goneExport1, trucks.goneExport2, trucks.goneImport]) await exit(d);

      await checkIn(trucks.refusedExport);
      await decideNext('customs', trucks.refusedExport, 'refuse');

      await checkIn(trucks.atFee);
      await decideNext('customs', trucks.atFee);
      await decideNext('border_guard', trucks.atFee);

      await checkIn(trucks.atBorderGuard);
      await decideNext('customs', trucks.atBorderGuard);

      await checkIn(trucks.atCustoms);
      await checkIn(trucks.fruitHeld);
      // Perishable goods go first: the fruit's customs step is at the head; customs holds it for inspection.
      await decideNext('customs', trucks.fruitHeld, 'hold');

      await checkIn(trucks.importAtBorderGuard);

      // Known durations from arrival to exit: 3 h and 4 h for the exports, 5 h for the import.
      const minutes: [any, number][] = [
        [trucks.goneExport1, 180],
        [trucks.goneExport2, 240],
        [trucks.goneImport, 300],
      ];
      for (const [d, m] of minutes) {
        await t.sql.rows(`UPDATE declaration SET arrived_at = exited_at - make_interval(mins => $2) WHERE id = $1`, [
          d.id,
          m,
        ]);
      }
    });

    // What the trucks above add to the board, for the gate and per direction.
    const added = {
      total: {
        expectedToday: 3,
        inYard: 7, // cleared 1 + refused 1 + waiting 5
        waitingByAgency: { customs: 1, border_guard: 2, quarantine: 1, yard: 1 },
        clearedToday: 4,
        exitedToday: 3,
        throughputLastHour: 3,
        bookedToday: 13,
      },
      export: {
        expectedToday: 2,
        inYard: 6,
        waitingByAgency: { customs: 1, border_guard: 1, quarantine: 1, yard: 1 },
        clearedToday: 3,
        exitedToday: 2,
        throughputLastHour: 2,
        bookedToday: 10,
      },
      import: {
        expectedToday: 1,
        inYard: 1,
        waitingByAgency: { customs: 0, border_guard: 1, quarantine: 0, yard: 0 },
        clearedToday: 1,
        exitedToday: 1,
        throughputLastHour: 1,
        bookedToday: 3,
      },
    };

    /** `before` plus what we added, for every counted figure; capacity figures follow from the booking. */
    function expectedFigures(before: any, plus: typeof added.total, capacityToday: number) {
      const bookedToday = before.bookedToday + plus.bookedToday;
      return {
        expectedToday: before.expectedToday + plus.expectedToday,
        inYard: before.inYard + plus.inYard,
        waitingByAgency: Object.fromEntries(
          AGENCIES.map((a) => [a, before.waitingByAgency[a] + plus.waitingByAgency[a]]),
        ),
        clearedToday: before.clearedToday + plus.clearedToday,
        exitedToday: before.exitedToday + plus.exitedToday,
        throughputLastHour: before.throughputLastHour + plus.throughputLastHour,
        capacityToday,
        bookedToday,
        capacityLeft: Math.max(0, capacityToday - bookedToday),
        warningLevel: levelOf(bookedToday, capacityToday),
      };
    }

    it('shows exactly what happened today, for the gate and per direction', async () => {
      const b = await board();
      const { warningLevel: present, ...figures } = expectedFigures(
        base,
        added.total,
        capacity.export + capacity.import,
      );
      expect(b).toMatchObject({
        gate: GATE,
        open: true,
        closedReason: null,
        day: localDay(new Date()),
        timezone: ZONE,
        medianWindowHours: 6,
        ...figures,
        presentWarningLevel: present,
        medianArrivalToExitMinutes: median(await exitMinutes()),
      });
      // The whole gate's level is the higher of today's demand and the 12-hour forecast (board-forecast.test.ts).
      expect(b.warningLevel).toBe(b.warningSetBy === 'present' ? present : b.forecast.level);
      expect(b.byDirection.export).toMatchObject({
        ...expectedFigures(base.byDirection.export, added.export, capacity.export),
        medianArrivalToExitMinutes: median(await exitMinutes('export')),
      });
      expect(b.byDirection.import).toMatchObject({
        ...expectedFigures(base.byDirection.import, added.import, capacity.import),
        medianArrivalToExitMinutes: median(await exitMinutes('import')),
      });
      expect(Object.keys(b.waitingByAgency).sort()).toEqual([...AGENCIES].sort());
      expect(Math.abs(Date.parse(b.updatedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('takes the median over the exits in the window, ours (3, 4 and 5 hours) included', async () => {
      expect(await exitMinutes()).toEqual(expect.arrayContaining([180, 240, 300]));
      expect((await board()).medianArrivalToExitMinutes).toBe(median(await exitMinutes()));
    });

    it("counts today's arrivals and exits per local hour of the gate, ours in the hours they happened", async () => {
      const b = await board();
      expect(b.hourly.map((h: any) => h.hour)).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
      // Our check-ins and exits, bucketed by the gate's local hour as recorded in the audit log.
      const events = await t.sql.rows<{ at: Date; to_status: string }>(
        `SELECT at, to_status FROM declaration_event
          WHERE declaration_id = ANY($1) AND action = 'transition' AND to_status IN ('in_yard', 'exited')`,
        [Object.values(trucks).map((d) => d.id)],
      );
      const hourOf = (at: Date): number =>
        Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(at));
      const ours = Array.from({ length: 24 }, () => ({ arrivals: 0, exits: 0 }));
      for (const e of events) ours[hourOf(e.at)][e.to_status === 'in_yard' ? 'arrivals' : 'exits'] += 1;
      expect(ours.reduce((n, h) => n + h.arrivals, 0)).toBe(10);
      expect(ours.reduce((n, h) => n + h.exits, 0)).toBe(3);
      for (let hour = 0; hour < 24; hour += 1) {
        expect({ hour, arrivals: b.hourly[hour].arrivals - base.hourly[hour].arrivals }).toEqual({
          hour,
          arrivals: ours[hour].arrivals,
        });
        expect({ hour, exits: b.hourly[hour].exits - base.hourly[hour].exits }).toEqual({
          hour,
          exits: ours[hour].exits,
        });
      }
      // The same exits the day's total counts; none in hours still to come.
      expect(b.hourly.reduce((n: number, h: any) => n + h.exits, 0)).toBe(b.exitedToday);
      for (const h of b.hourly.filter((x: any) => x.hour > hourOf(new Date())))
        expect(h).toMatchObject({ arrivals: 0, exits: 0 });
    });

    it('shows no plates, names or references', async () => {
      const body = (await t.request({ method: 'GET', url: `/api/v1/gates/${GATE}/board` })).body;
      for (const plate of seen.plates) expect(body).not.toContain(plate);
      for (const d of Object.values(trucks)) expect(body).not.toContain(d.reference);
      expect(body).not.toContain('Nguyễn Văn An');
      expect(body).not.toContain(crew.customs.id);
    });

    it('turns yellow, orange and red as capacity falls under the demand, and never shows negative capacity left', async () => {
      const setCapacity = (exportCap: number, importCap: number) =>
        t.sql.rows('UPDATE gate SET capacity_export_per_day = $2, capacity_import_per_day = $3 WHERE code = $1', [
          GATE,
          exportCap,
          importCap,
        ]);
      const now = await board();
      const booked = { export: now.byDirection.export.bookedToday, import: now.byDirection.import.bookedToday };
      const total = booked.export + booked.import; // at least our 13
      /** Sets a total capacity, split between the directions like the booking, and checks the levels. */
      const expectLevels = async (capacityTotal: number, level: string) => {
        const importCap = Math.round((capacityTotal * booked.import) / total);
        await setCapacity(capacityTotal - importCap, importCap);
        const b = await board();
        expect(b).toMatchObject({
          capacityToday: capacityTotal,
          capacityLeft: Math.max(0, capacityTotal - total),
          presentWarningLevel: level,
        });
        expect(b.byDirection.export.warningLevel).toBe(levelOf(booked.export, capacityTotal - importCap));
        expect(b.byDirection.import.warningLevel).toBe(levelOf(booked.import, importCap));
        return b;
      };
      try {
        // Thresholds 0.7, 0.85, 1.
        await expectLevels(Math.ceil(total / 0.75), 'yellow');
        await expectLevels(total + 1, 'orange');
        await expectLevels(total, 'red');
        const over = await expectLevels(total - 5, 'red'); // lowered below what is already booked
        expect(over.capacityLeft).toBe(0);
        expect(over.demand).toBeCloseTo(total / (total - 5), 3);
      } finally {
        await setCapacity(capacity.export, capacity.import);
      }
      expect((await board()).presentWarningLevel).toBe(now.presentWarningLevel);
    });

    describe('closing the gate', () => {
      const close = (who: TestOfficer | null, reason: unknown = 'Flooding on the freight road at marker 1088') =>
        postAs(t, who, `/api/v1/gates/${GATE}/close`, { reason });
      const open = (who: TestOfficer | null) => postAs(t, who, `/api/v1/gates/${GATE}/open`);

      it('is for supervisors of that gate only', async () => {
        const customs = await close(crew.customs);
        expect(customs.statusCode).toBe(403);
        expect(customs.json().code).toBe('AUTH.FORBIDDEN');
        const elsewhere = await officer(t, 'supervisor', ['HUU_NGHI']);
        expect((await close(elsewhere)).statusCode).toBe(403);
        expect((await open(elsewhere)).statusCode).toBe(403);
        expect((await close(null)).statusCode).toBe(401);
        const blank = await close(crew.supervisor, '   ');
        expect(blank.statusCode).toBe(400);
        expect(blank.json().details[0].field).toBe('reason');
        expect((await board()).open).toBe(true);
      });

      it('closes, shows it on the board, refuses check-ins, and reopens', async () => {
        const before = await board();
        const closed = await close(crew.supervisor);
        expect(closed.statusCode).toBe(200);
        expect(closed.json()).toMatchObject({
          code: GATE,
          open: false,
          closedReason: 'Flooding on the freight road at marker 1088',
          closedBy: crew.supervisor.id,
        });
        expect(Math.abs(Date.parse(closed.json().closedAt) - Date.now())).toBeLessThan(60_000);

        const again = await close(crew.supervisor, 'another reason');
        expect(again.statusCode).toBe(409);
        expect(again.json()).toMatchObject({
          code: 'GATE.ALREADY_CLOSED',
          details: { closedReason: 'Flooding on the freight road at marker 1088' },
        });

        const shown = await board();
        expect(shown).toMatchObject({
          open: false,
          closedReason: 'Flooding on the freight road at marker 1088',
          closedAt: closed.json().closedAt,
          warningLevel: 'red',
        });
        expect(shown.byDirection.export.warningLevel).toBe('red');
        expect(shown.byDirection.import.warningLevel).toBe('red');
        const listed = (await t.request({ method: 'GET', url: '/api/v1/gates' })).json();
        expect(listed.find((g: any) => g.code === GATE)).toMatchObject({
          open: false,
          closedAt: closed.json().closedAt,
        });

        // A truck at the barrier of a closed gate is turned away; an officer who may not check in still gets 403.
        const refused = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, {
          plate: trucks.comingExport1.vehicle.plate,
        });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({
          code: 'GATE.CLOSED',
          details: { gate: GATE, closedReason: 'Flooding on the freight road at marker 1088' },
        });
        const notTheirs = await postAs(t, crew.customs, `/api/v1/gates/${GATE}/check-ins`, {
          plate: trucks.comingExport1.vehicle.plate,
        });
        expect(notTheirs.statusCode).toBe(403);
        // Vehicles already inside are still cleared and let out.
        await decideNext('yard', trucks.atFee);
        await exit(trucks.atFee);

        const reopened = await open(crew.supervisor);
        expect(reopened.statusCode).toBe(200);
        expect(reopened.json()).toMatchObject({ open: true, closedReason: null, closedAt: null, closedBy: null });
        const twice = await open(crew.supervisor);
        expect(twice.statusCode).toBe(409);
        expect(twice.json().code).toBe('GATE.ALREADY_OPEN');

        await checkIn(trucks.comingExport1);
        expect(await board()).toMatchObject({
          open: true,
          closedReason: null,
          closedAt: null,
          presentWarningLevel: before.presentWarningLevel,
          expectedToday: before.expectedToday - 1, // the first export came in
          inYard: before.inYard, // … and the fee truck left
          clearedToday: before.clearedToday + 1,
          exitedToday: before.exitedToday + 1,
          waitingByAgency: {
            ...before.waitingByAgency,
            customs: before.waitingByAgency.customs + 1,
            yard: before.waitingByAgency.yard - 1,
          },
        });
      });
    });
  });
});
