import type { INestApplicationContext } from '@nestjs/common';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { Sql } from '../../src/database/sql.js';
import type { AuthenticatedOfficer } from '../../src/modules/auth/officer-access.js';
import { AgencyQueueService } from '../../src/modules/clearance/agency-queue.service.js';
import { CheckInService } from '../../src/modules/clearance/check-in.service.js';
import { ExitService } from '../../src/modules/clearance/exit.service.js';
import { StepDecisionService } from '../../src/modules/clearance/step-decision.service.js';
import { CompaniesService, type AuthenticatedCompany } from '../../src/modules/companies/companies.service.js';
import { DeclarationsService } from '../../src/modules/declarations/declarations.service.js';
import type { SubmitDeclarationRequestDto } from '../../src/modules/declarations/dto/submit-declaration.request.dto.js';
import { OfficersService } from '../../src/modules/officers/officers.service.js';
import type { StepAgency } from '../../src/modules/officers/agency.js';
import { ScreeningService } from '../../src/modules/screening/screening.service.js';
import { Random } from '../seed-load/random.js';
import { companies as seedCompanies } from '../seed-load/companies.js';
import { generateArrivals, localHour, localMidnight, type SimGate, type Truck } from './arrivals.js';
import { declarationDrafts, type DeclarationDraft } from './fleet.js';
import { recreateScratchDatabase, startSimulation } from './harness.js';
import { Metering } from './metering.js';
import { SimulationClock } from './simulation-clock.js';
import {
  gateWait,
  hourRows,
  median,
  occupancy,
  quantile,
  type ModeResult,
  type TruckRecord,
  yardWait,
} from './timeline.js';

export type Mode = 'metered' | 'unmetered';

export interface RunOptions {
  day: string;
  trucks: number;
  seed: number;
  databaseUrl: string;
  redisUrl: string;
  /** Simulated minutes per step. */
  stepMinutes: number;
  /** Minutes between two runs of the call forward (metered). */
  callEveryMinutes: number;
  /** Hours after the day the run may go on to drain the queues. */
  drainHours: number;
  /** The gates' service rate as a share of their standing hourly capacity. */
  serviceFactor: number;
  log: (line: string) => void;
}

const GATES: readonly SimGate[] = ['HUU_NGHI', 'TAN_THANH'];
const AGENCIES: readonly StepAgency[] = ['customs', 'quarantine', 'border_guard', 'yard'];
const COMPANIES = 40;
const AEO_COMPANIES = 4;
/** How far before its wish a company declares at most: the run starts this much before the day. */
const LEAD_HOURS = 12;
const SLOT_WATCH_EVERY_MINUTES = 15;

interface LiveTruck {
  truck: Truck;
  draft: DeclarationDraft;
  record: TruckRecord;
  company: AuthenticatedCompany;
  declarationId: string | null;
  submitAt: number;
  /** When it reaches a regulation yard (metered) or the gate's road queue (unmetered). */
  arriveAt: number;
  /** When it reaches the gate after its call (metered). */
  reachGateAt: number | null;
  state: 'pending' | 'declared' | 'at_yard' | 'called' | 'at_gate' | 'in_yard' | 'done';
}

/** How many of the service's calls the run makes at once (the database pool holds a few more). */
const CONCURRENCY = 8;

/** `work` over the items, at most `limit` at a time; resolves when all are done. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * The service capacity per gate and local hour: the standing hourly capacity of both directions. A factor other
 * than 1 scales the gates first: their hourly capacity (their service rate and the slots they offer, as a province
 * sets its slots to what its gates clear), their yards and the regulation yards, so a small run keeps the shape of
 * the full one.
 */
async function serviceRates(sql: Sql, factor: number): Promise<Record<string, number[]>> {
  if (factor !== 1) {
    await sql.rows('UPDATE gate_hour_capacity SET capacity = ceil(capacity * $1::float8)::int', [factor]);
    await sql.rows('UPDATE gate SET yard_capacity = ceil(yard_capacity * $1::float8)::int', [factor]);
    await sql.rows('UPDATE regulation_yard SET capacity = ceil(capacity * $1::float8)::int', [factor]);
  }
  const rows = await sql.rows<{ gate_code: string; hour: number; capacity: number }>(
    `SELECT gate_code, hour, sum(capacity)::int AS capacity FROM gate_hour_capacity GROUP BY gate_code, hour`,
  );
  const rates: Record<string, number[]> = {};
  for (const g of GATES) rates[g] = Array.from({ length: 24 }, () => 0);
  for (const r of rows) if (rates[r.gate_code]) rates[r.gate_code][r.hour] = r.capacity;
  return rates;
}

/** The companies (a few of them AEO) and one supervisor posted at both gates, who works every queue. */
async function fixtures(
  app: INestApplicationContext,
  sql: Sql,
  seed: number,
): Promise<{ officer: AuthenticatedOfficer; plain: AuthenticatedCompany[]; aeo: AuthenticatedCompany[] }> {
  const companies = app.get(CompaniesService);
  const made: AuthenticatedCompany[] = [];
  for (const c of seedCompanies(new Random(seed ^ 0xc0), COMPANIES)) {
    const { apiKey } = await companies.create(c.name, c.taxCode);
    made.push((await companies.authenticate(apiKey))!);
  }
  const aeo = made.slice(0, AEO_COMPANIES);
  await sql.rows('UPDATE company SET authorised_economic_operator = true WHERE id = ANY($1::uuid[])', [
    aeo.map((c) => c.companyId),
  ]);
  // The seeded fee schedule starts in 2025: the simulated day's fees are charged by it as well.
  await sql.rows(
    `UPDATE fee_schedule SET valid_from = '2000-01-01' WHERE valid_from = (SELECT min(valid_from) FROM fee_schedule)`,
  );
  const password = 'simulation-only-password';
  const { id } = await app
    .get(OfficersService)
    .create({ username: 'sim.supervisor', password, agency: 'supervisor', gates: [...GATES] });
  const officer: AuthenticatedOfficer = { id, username: 'sim.supervisor', agency: 'supervisor', gates: [...GATES] };
  return { officer, plain: made.slice(AEO_COMPANIES), aeo };
}

/** Runs one mode of the day in a fresh scratch database and returns what happened, hour by hour. */
export async function runMode(mode: Mode, options: RunOptions): Promise<ModeResult> {
  const wallStart = Date.now();
  const dayStart = localMidnight(options.day);
  const clock = new SimulationClock(new Date(dayStart.getTime() - LEAD_HOURS * 3_600_000));
  await recreateScratchDatabase(options.databaseUrl);
  const app = await startSimulation(options.databaseUrl, options.redisUrl, clock);
  try {
    const sql = app.get(Sql);
    const { officer, plain, aeo } = await fixtures(app, sql, options.seed);
    const rates = await serviceRates(sql, options.serviceFactor);
    const metering = mode === 'metered' ? await Metering.start(app, officer) : null;
    if (!metering) {
      // Without metering nothing limits the declarations of a day: every truck is accepted and comes.
      await sql.rows('UPDATE gate SET capacity_export_per_day = 100000, capacity_import_per_day = 100000');
    }
    const yardCapacity = Object.fromEntries(
      (await sql.rows<{ code: string; yard_capacity: number }>('SELECT code, yard_capacity FROM gate')).map((g) => [
        g.code,
        g.yard_capacity,
      ]),
    );

    const trucks = generateArrivals(options.day, options.trucks, options.seed);
    const drafts = declarationDrafts(trucks, options.seed);
    const live: LiveTruck[] = trucks.map((truck, i) => ({
      truck,
      draft: drafts[i],
      company: truck.aeo ? aeo[Math.floor(truck.pick * aeo.length)] : plain[Math.floor(truck.pick * plain.length)],
      record: {
        gate: truck.gate,
        perishable: truck.perishable,
        slotStart: null,
        yardAt: null,
        calledAt: null,
        atGateAt: null,
        checkedInAt: null,
        exitedAt: null,
        leftYardAt: null,
        outcome: 'waiting',
      },
      declarationId: null,
      submitAt: truck.wishAt.getTime() - truck.leadMinutes * 60_000,
      arriveAt: truck.wishAt.getTime(),
      reachGateAt: null,
      state: 'pending',
    }));
    const byDeclaration = new Map<string, LiveTruck>();
    const bySubmission = [...live].sort((a, b) => a.submitAt - b.submitAt);
    const roads: Record<string, LiveTruck[]> = { HUU_NGHI: [], TAN_THANH: [] };
    const inYard: Record<string, number> = { HUU_NGHI: 0, TAN_THANH: 0 };
    const budget: Record<string, number> = {};

    const submissions = app.get(DeclarationsService);
    const screening = app.get(ScreeningService);
    const checkIns = app.get(CheckInService);
    const queues = app.get(AgencyQueueService);
    const decisions = app.get(StepDecisionService);
    const exits = app.get(ExitService);

    const dayEnd = dayStart.getTime() + 24 * 3_600_000;
    const stopAt = dayEnd + options.drainHours * 3_600_000;
    let nextSubmission = 0;
    let keySeq = 0;
    let lastCall = -Infinity;
    let lastWatch = -Infinity;
    let lastLog = 0;
    let refusedAtGate = 0;

    const submit = async (t: LiveTruck, now: number): Promise<void> => {
      const booking = metering ? await metering.chooseSlot(t.truck, new Date(now)) : null;
      if (metering && !booking) {
        // Every hour of the booking horizon is full: the company cannot send this truck this week.
        t.state = 'done';
        t.record.outcome = 'rejected';
        return;
      }
      const body = {
        ...t.draft,
        expectedArrivalAt: (booking ?? t.truck.wishAt).toISOString(),
        ...(booking ? { slotStart: booking.toISOString() } : {}),
      };
      keySeq += 1;
      const key = `sim-${keySeq}`;
      const answer = await submissions.submit(t.company, key, body as unknown as SubmitDeclarationRequestDto, body);
      const id = String(answer.body.id);
      t.declarationId = id;
      byDeclaration.set(id, t);
      const outcome = await screening.screen(id);
      if (outcome !== 'accepted') {
        t.state = 'done';
        t.record.outcome = 'rejected';
        return;
      }
      t.state = 'declared';
      if (booking) {
        t.record.slotStart = booking;
        t.arriveAt = booking.getTime() - t.truck.earlyMinutes * 60_000;
      }
      if (t.truck.noShow && metering) {
        t.state = 'done';
        t.record.outcome = 'no_show';
      }
    };

    const checkInAtGate = async (t: LiveTruck, now: number): Promise<boolean> => {
      inYard[t.truck.gate] += 1;
      try {
        await checkIns.checkIn(officer, t.truck.gate, { plate: t.draft.vehicle.plate });
      } catch (error) {
        inYard[t.truck.gate] -= 1;
        if (!(error instanceof DomainError)) throw error;
        // Never expected: the run sends a truck only where the gate takes it. Say so and leave it waiting.
        options.log(`  gate check-in refused (${error.code}) for truck ${t.truck.index}`);
        refusedAtGate += 1;
        return false;
      }
      t.state = 'in_yard';
      t.record.checkedInAt = new Date(now);
      markBusy(t.truck.gate);
      return true;
    };

    /** An agency whose queue answered empty is left alone until a truck enters or a step passes at its gate. */
    const idle = new Set<string>();
    const markBusy = (gate: string): void => {
      for (const agency of AGENCIES) idle.delete(`${gate}/${agency}`);
    };

    const passOne = async (gate: SimGate, agency: StepAgency, now: number): Promise<boolean> => {
      const step = await queues.claim(officer, gate, agency);
      if (!step) return false;
      const decided = await decisions.decide(officer, step.id, {
        decision: 'pass',
        ...(step.kind === 'fee' ? { paymentReference: `SIM-${step.id.slice(0, 8)}` } : {}),
      });
      markBusy(gate);
      if (decided.declarationStatus !== 'cleared') return true;
      await exits.exit(officer, gate, decided.declaration.plate);
      const t = byDeclaration.get(step.declaration_id)!;
      t.state = 'done';
      t.record.exitedAt = new Date(now);
      t.record.outcome = 'exited';
      inYard[gate] -= 1;
      return true;
    };

    /** The agencies of each gate pass steps at the gate's service rate; a cleared truck leaves at once. */
    const serve = async (now: number): Promise<void> => {
      const attempts: [SimGate, StepAgency][] = [];
      for (const gate of GATES) {
        const perStep = (rates[gate][localHour(new Date(now))] * options.stepMinutes) / 60;
        for (const agency of AGENCIES) {
          const k = `${gate}/${agency}`;
          // Unused capacity does not pile up: an idle agency cannot later serve a burst faster than its rate.
          budget[k] = Math.min((budget[k] ?? 0) + perStep, Math.max(perStep, 1));
          if (idle.has(k)) continue;
          for (let i = 0; i < Math.floor(budget[k]); i++) attempts.push([gate, agency]);
        }
      }
      await inParallel(attempts, CONCURRENCY, async ([gate, agency]) => {
        const k = `${gate}/${agency}`;
        if (idle.has(k)) return;
        if (await passOne(gate, agency, now)) budget[k] -= 1;
        else idle.add(k);
      });
    };

    const unsettled = (): boolean => live.some((t) => t.state !== 'done');

    for (let now = clock.now().getTime(); now < stopAt; now = clock.advance(options.stepMinutes).getTime()) {
      if (now >= dayEnd && !unsettled()) break;
      const due: LiveTruck[] = [];
      while (nextSubmission < bySubmission.length && bySubmission[nextSubmission].submitAt <= now) {
        due.push(bySubmission[nextSubmission]);
        nextSubmission += 1;
      }
      if (metering) {
        // The bookings of one gate and direction go one by one, in the order the companies declared: each takes the
        // hour left free. The four ledgers are apart, so they go side by side.
        const ledgers = new Map<string, LiveTruck[]>();
        for (const t of due) {
          const key = `${t.truck.gate}/${t.truck.direction}`;
          ledgers.set(key, [...(ledgers.get(key) ?? []), t]);
        }
        await inParallel([...ledgers.values()], CONCURRENCY, async (line) => {
          for (const t of line) await submit(t, now);
        });
      } else {
        await inParallel(due, CONCURRENCY, (t) => submit(t, now));
      }
      const arriving = live.filter((t) => t.state === 'declared' && t.arriveAt <= now);
      if (metering) {
        await inParallel(arriving, CONCURRENCY, async (t) => {
          if (await metering.checkInAtRegulationYard(t.truck, t.draft.vehicle.plate)) {
            t.state = 'at_yard';
            t.record.yardAt = new Date(now);
          }
        });
      } else {
        for (const t of arriving) {
          t.state = 'at_gate';
          t.record.atGateAt = new Date(now);
          roads[t.truck.gate].push(t);
        }
      }
      if (metering) {
        if (now - lastCall >= options.callEveryMinutes * 60_000) {
          lastCall = now;
          for (const call of await metering.callForward(new Date(now))) {
            const t = byDeclaration.get(call.declarationId);
            if (!t || t.state !== 'at_yard') continue;
            t.state = 'called';
            t.record.calledAt = new Date(now);
            t.reachGateAt = now + call.driveMinutes * 60_000;
          }
          for (const id of await metering.expiredAt(new Date(now))) {
            const t = byDeclaration.get(id);
            if (!t || t.state === 'done') continue;
            t.state = 'done';
            t.record.leftYardAt = new Date(now);
            t.record.outcome = 'expired';
          }
        }
        if (now - lastWatch >= SLOT_WATCH_EVERY_MINUTES * 60_000) {
          lastWatch = now;
          await metering.watchSlots();
        }
        const reaching = live.filter((t) => t.state === 'called' && t.reachGateAt! <= now);
        for (const t of reaching) {
          t.state = 'at_gate';
          t.record.atGateAt = new Date(now);
        }
        await inParallel(reaching, CONCURRENCY, (t) => checkInAtGate(t, now).then(() => undefined));
      } else {
        // The road queue is the run's own: first come, first into the gate yard as room frees.
        const entering: LiveTruck[] = [];
        for (const gate of GATES) {
          const room = Math.max(0, yardCapacity[gate] - inYard[gate]);
          entering.push(...roads[gate].splice(0, room));
        }
        await inParallel(entering, CONCURRENCY, (t) => checkInAtGate(t, now).then(() => undefined));
      }
      await serve(now);
      if (now - lastLog >= 6 * 3_600_000) {
        lastLog = now;
        const o = occupancy(
          live.map((t) => t.record),
          now,
        );
        options.log(
          `  ${mode} ${new Date(now + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}: ` +
            `road ${o.road}, gate yards ${o.gateYard}, regulation yards ${o.regulationYards}`,
        );
      }
    }

    const end = clock.now();
    const records = live.map((t) => t.record);
    // The rows start at the day, or earlier when a truck booked an hour of the evening before its wish.
    const firstArrival = Math.min(...records.map((r) => (r.yardAt ?? r.atGateAt)?.getTime() ?? Infinity));
    const first = Math.min(dayStart.getTime(), Math.floor(firstArrival / 3_600_000) * 3_600_000);
    const hours = hourRows(records, new Date(first), Math.ceil((end.getTime() - first) / 3_600_000));
    const gateWaits = records.map((r) => gateWait(r, end)).filter((w): w is number => w !== null);
    const yardWaits = records.map((r) => yardWait(r, end)).filter((w): w is number => w !== null);
    const lastExit = Math.max(0, ...records.map((r) => r.exitedAt?.getTime() ?? 0));
    return {
      hours,
      summary: {
        mode,
        trucks: records.length,
        rejected: records.filter((r) => r.outcome === 'rejected').length,
        noShows: records.filter((r) => r.outcome === 'no_show').length,
        expired: records.filter((r) => r.outcome === 'expired').length,
        refusedAtGate,
        exited: records.filter((r) => r.outcome === 'exited').length,
        unfinished: records.filter((r) => r.outcome === 'waiting').length,
        gateWaitMedianMinutes: median(gateWaits) ?? 0,
        gateWaitP90Minutes: quantile(gateWaits, 0.9) ?? 0,
        gateWaitMaxMinutes: gateWaits.length ? Math.max(...gateWaits) : 0,
        yardWaitMedianMinutes: median(yardWaits),
        yardWaitMaxMinutes: yardWaits.length ? Math.max(...yardWaits) : null,
        maxRoadQueue: Math.max(0, ...hours.map((h) => h.road)),
        maxGateYard: Math.max(0, ...hours.map((h) => h.gateYard)),
        maxRegulationYards: Math.max(0, ...hours.map((h) => h.regulationYards)),
        lastExitHour: lastExit ? Math.round(((lastExit - dayStart.getTime()) / 3_600_000) * 10) / 10 : null,
        simulatedHours: Math.round(((end.getTime() - dayStart.getTime()) / 3_600_000) * 10) / 10,
        wallSeconds: Math.round((Date.now() - wallStart) / 100) / 10,
      },
    };
  } finally {
    await app.close();
  }
}
