import {
  alreadyActiveReason,
  arrivalWindowReason,
  capacityFullReason,
} from '../../src/modules/screening/screening-rules.js';
import type { DeclarationStatus, ScreeningReason } from '../../src/modules/declarations/declaration-status.js';
import { apportion, DAY_MS, dayWeight, historyDays, localDay, localDayStart, submissionTime } from './calendar.js';
import { type Cargo, cargo, type Direction } from './cargo.js';
import { companies, type SeedCompany } from './companies.js';
import { type Truck, splitFleets, trucks } from './fleet.js';
import { type Fate, type FeeLookup, type Journey, JourneyPlanner, type TripFacts } from './journey.js';
import type { JourneyEvent } from './journey-types.js';
import type { Driver } from './people.js';
import { plateShort } from './plates.js';
import { Random } from './random.js';
import { officers, rosterOf, type SeedOfficer } from './staff.js';
import { replay, type TripState } from './timeline.js';

const HOUR = 3_600_000;
const ARRIVAL_WINDOW = { pastMinutes: 120, futureDays: 7 }; // the service's SCREENING_WINDOW_* defaults
/** Statuses that hold a capacity slot of their arrival day (accepted, and never cancelled or expired). */
const SLOT_HOLDERS: readonly DeclarationStatus[] = ['accepted', 'in_yard', 'cleared', 'refused', 'exited'];
const LIVE: readonly DeclarationStatus[] = ['submitted', 'accepted', 'in_yard', 'cleared', 'refused'];
/** Trips are at most this long from submission to their last record (48 h lead + 12 h no-show + slack). */
const LONGEST_TRIP_MS = 4 * DAY_MS;

/** The proportions of the history (fates per thousand trips, before capacity turns some away). */
export const SHARES = {
  gate: { HUU_NGHI: 60, TAN_THANH: 40 },
  direction: { export: 55, import: 45 },
  fate: { exited: 922, rejected: 25, withdrawn: 5, cancelled: 25, expired: 15, refused: 8 } satisfies Record<
    Fate,
    number
  >,
  amended: 0.03,
  tripsPerTruck: 20,
  companies: 300,
};

export interface GateInfo {
  code: string;
  referencePrefix: string;
  capacity: Record<Direction, number>;
}

export interface HistoryOptions {
  declarations: number;
  months: number;
  seed: number;
  now: number;
  gates: readonly GateInfo[];
  feeFor: FeeLookup;
}

export interface DeclarationRecord {
  id: string;
  reference: string;
  companyId: string;
  gate: string;
  direction: Direction;
  truck: Truck;
  trailerPlate: string | null;
  plateShort: string | null;
  driver: Driver;
  cargo: Cargo;
  expectedArrivalAt: number;
  arrivalDay: string;
  createdAt: number;
  state: TripState;
}

export interface AuditRecord {
  declarationId: string;
  gate: string;
  stepId: string | null;
  event: JourneyEvent;
}

/** What one stretch of days adds: declarations (with their steps) and the audit records now final, in time order. */
export interface HistoryBatch {
  declarations: DeclarationRecord[];
  audit: AuditRecord[];
}

interface Trip {
  facts: TripFacts;
  company: number;
  cargo: Cargo;
  /** Pre-planned (the guaranteed live trips); others are planned when their truck is known. */
  journey?: Journey;
  fate: Fate;
}

/**
 * Generates the whole history, day by day, deterministically from the seed: a fleet of trucks owned by
 * companies of very different sizes makes trips through both gates; each trip is screened against capacity
 * and lives its journey up to `now`. Pure: no I/O.
 */
export class HistoryGenerator {
  readonly companies: SeedCompany[];
  readonly officers: SeedOfficer[];
  readonly trucks: Truck[];
  /** Per gate and local day, the last reference serial used. */
  readonly counters = new Map<string, number>();
  /** Per gate, direction and arrival day, the declarations holding a slot (rows exist once a slot was taken). */
  readonly load = new Map<string, number>();
  private readonly random: Random;
  private readonly fleets: Truck[][];
  private readonly companyCumulative: number[];
  private readonly planner: JourneyPlanner;
  private readonly days: string[];
  private readonly gates: Map<string, GateInfo>;
  private readonly pendingAudit = new Map<string, AuditRecord[]>();
  readonly usedPlates = new Set<string>();

  constructor(private readonly options: HistoryOptions) {
    this.random = new Random(options.seed);
    const companyCount = Math.min(SHARES.companies, Math.max(1, Math.ceil(options.declarations / 10)));
    this.companies = companies(this.random, companyCount);
    this.officers = officers(
      this.random,
      options.gates.map((g) => g.code),
    );
    const truckCount = Math.max(
      Math.ceil(options.declarations / SHARES.tripsPerTruck),
      companyCount,
      2 * this.guaranteedLive() * LIVE.length,
    );
    this.trucks = trucks(this.random, truckCount);
    this.fleets = splitFleets(
      this.trucks,
      this.companies.map((c) => c.share),
    );
    let sum = 0;
    this.companyCumulative = this.companies.map((c) => (sum += c.share));
    this.planner = new JourneyPlanner(this.random, rosterOf(this.random, this.officers), options.feeFor);
    this.days = historyDays(options.now, options.months);
    this.gates = new Map(options.gates.map((g) => [g.code, g]));
  }

  /** Yields one batch per local day, oldest first, and a last one with the audit records still pending. */
  *batches(): Generator<HistoryBatch> {
    const guaranteed = this.guaranteedLiveTrips();
    const perDay = apportion(
      this.options.declarations - guaranteed.length,
      this.days.map((d, i) => this.dayVolume(d, i)),
    );
    for (const [i, day] of this.days.entries()) {
      const until = Math.min(localDayStart(day) + DAY_MS, this.options.now);
      const trips = Array.from({ length: perDay[i] }, () => this.newTrip(submissionTime(this.random, day, until)));
      trips.push(...guaranteed.filter((t) => localDay(t.facts.submittedAt) === day));
      trips.sort((a, b) => a.facts.submittedAt - b.facts.submittedAt);
      const declarations = trips.map((t) => this.settle(t));
      yield { declarations, audit: this.takeAuditBefore(localDayStart(day) + DAY_MS) };
    }
    yield { declarations: [], audit: this.takeAuditBefore(Infinity) };
  }

  private dayVolume(day: string, index: number): number {
    const weight = dayWeight(day, index / 365);
    const start = localDayStart(day);
    // Today is only partly over: its share is the part of the day already gone.
    return start + DAY_MS > this.options.now ? (weight * (this.options.now - start)) / DAY_MS : weight;
  }

  private newTrip(submittedAt: number, direction: Direction = this.random.weighted(SHARES.direction)): Trip {
    const r = this.random;
    const gate = r.weighted(SHARES.gate);
    const expectedArrivalAt = submittedAt + this.leadTime();
    const company = this.pickCompany();
    const load = cargo(r, direction, Number(localDay(submittedAt).slice(5, 7)) - 1);
    return {
      facts: { companyId: this.companies[company].id, gate, direction, submittedAt, expectedArrivalAt, cargo: load },
      company,
      cargo: load,
      fate: r.weighted(SHARES.fate),
    };
  }

  /** Most trucks are declared a few hours ahead, some the day before, a few two days ahead. */
  private leadTime(): number {
    const r = this.random;
    const hours = r.chance(0.55) ? r.between(1, 6) : r.chance(0.78) ? r.between(6, 24) : r.between(24, 48);
    return Math.round(hours * HOUR);
  }

  private pickCompany(): number {
    const roll = this.random.next();
    let lo = 0;
    let hi = this.companyCumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.companyCumulative[mid] > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Truck, reference, screening (capacity!), the journey up to now, and its place in the ledgers. */
  private settle(trip: Trip): DeclarationRecord {
    const { facts } = trip;
    const gate = this.gateInfo(facts.gate);
    const reference = this.nextReference(gate, facts.submittedAt);
    let reasons: ScreeningReason[] | undefined;
    let truck = this.freeTruck(trip.company, facts.submittedAt);
    if (!trip.journey && trip.fate === 'rejected') [truck, reasons] = this.rejection(trip, truck);
    const arrivalDay = localDay(facts.expectedArrivalAt);
    const loadKey = `${facts.gate}|${facts.direction}|${arrivalDay}`;
    if (!trip.journey && takesSlot(trip.fate) && (this.load.get(loadKey) ?? 0) >= gate.capacity[facts.direction]) {
      [trip.fate, reasons] = ['rejected', [capacityFullReason(facts.gate, facts.direction, arrivalDay)]];
    }
    const journey =
      trip.journey ??
      this.planner.plan(facts, { fate: trip.fate, reasons, amended: this.random.chance(SHARES.amended) });
    const state = replay(journey.events, journey.steps, this.options.now);
    const id = this.random.uuid();
    this.book(truck, state, journey, reference);
    this.countSlot(loadKey, state);
    this.queueAudit(id, facts.gate, state);
    return {
      id,
      reference,
      companyId: facts.companyId,
      gate: facts.gate,
      direction: facts.direction,
      truck,
      trailerPlate: truck.trailerPlate && this.random.chance(0.9) ? truck.trailerPlate : null,
      plateShort: plateShort(truck.plate, truck.nationality),
      driver: this.random.chance(0.85) ? truck.driver : this.standInDriver(truck),
      cargo: trip.cargo,
      expectedArrivalAt: facts.expectedArrivalAt,
      arrivalDay,
      createdAt: facts.submittedAt,
      state,
    };
  }

  private gateInfo(code: string): GateInfo {
    const gate = this.gates.get(code);
    if (!gate) throw new Error(`gate ${code} is missing from the database`);
    return gate;
  }

  /** `HN-20261127-00042`: the gate's prefix, the local day of submission, that day's next serial. */
  private nextReference(gate: GateInfo, submittedAt: number): string {
    const day = localDay(submittedAt);
    const key = `${gate.code}|${day}`;
    const serial = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, serial);
    return `${gate.referencePrefix}-${day.replaceAll('-', '')}-${String(serial).padStart(5, '0')}`;
  }

  /** A truck of the company's fleet that is not on another trip (any free truck if the whole fleet is out). */
  private freeTruck(company: number, at: number): Truck {
    const free = (t: Truck): boolean => !t.live && t.busyUntil <= at;
    const found = rotateFind(this.fleets[company], this.random, free) ?? rotateFind(this.trucks, this.random, free);
    const idle = found ?? rotateFind(this.trucks, this.random, (t) => !t.live);
    if (!idle) throw new Error('every truck is on a live trip: too few trucks for this history');
    return idle;
  }

  /**
   * Why screening said no: the truck was still on another active trip (named), or the expected arrival was
   * outside the window (a typo of a week, or a time already past).
   */
  private rejection(trip: Trip, truck: Truck): [Truck, ScreeningReason[]] {
    const { facts } = trip;
    const settledLongAgo = facts.submittedAt < this.options.now - LONGEST_TRIP_MS;
    const busy =
      settledLongAgo && this.random.chance(0.4)
        ? this.fleets[trip.company].find((t) => t.busyWith && !t.live && t.busyUntil > facts.submittedAt)
        : undefined;
    if (busy?.busyWith) return [busy, [alreadyActiveReason(busy.busyWith)]];
    facts.expectedArrivalAt = this.random.chance(0.7)
      ? facts.submittedAt + Math.round(this.random.between(8, 10) * DAY_MS)
      : facts.submittedAt - Math.round(this.random.between(3, 10) * HOUR);
    const reason = arrivalWindowReason(new Date(facts.expectedArrivalAt), new Date(facts.submittedAt), ARRIVAL_WINDOW);
    return [truck, reason ? [reason] : []];
  }

  /** The trip ties the truck up until its last record; a trip still open at `now` keeps it for good. */
  private book(truck: Truck, state: TripState, journey: Journey, reference: string): void {
    this.usedPlates.add(truck.plate);
    if (LIVE.includes(state.declaration.status)) truck.live = true;
    if (!state.events.some((e) => e.to === 'accepted')) return;
    truck.busyUntil = journey.events[journey.events.length - 1].at;
    truck.busyWith = reference;
  }

  /** As screening reserves and cancellation or expiry gives back: the row appears at the first acceptance. */
  private countSlot(key: string, state: TripState): void {
    if (!state.events.some((e) => e.to === 'accepted')) return;
    const holds = SLOT_HOLDERS.includes(state.declaration.status) ? 1 : 0;
    this.load.set(key, (this.load.get(key) ?? 0) + holds);
  }

  private standInDriver(truck: Truck): Driver {
    for (;;) {
      const other = this.random.pick(this.trucks);
      if (other.nationality === truck.nationality) return other.driver;
    }
  }

  private queueAudit(declarationId: string, gate: string, state: TripState): void {
    for (const event of state.events) {
      const day = localDay(event.at);
      const bucket = this.pendingAudit.get(day) ?? [];
      if (bucket.length === 0) this.pendingAudit.set(day, bucket);
      bucket.push({ declarationId, gate, stepId: event.step === null ? null : state.steps[event.step].id, event });
    }
  }

  /** Audit records of the local days before `limit`, in time order (ties keep the order they were written). */
  private takeAuditBefore(limit: number): AuditRecord[] {
    const days = [...this.pendingAudit.keys()].filter((d) => localDayStart(d) < limit).sort();
    return days.flatMap((day) => {
      const bucket = this.pendingAudit.get(day) ?? [];
      this.pendingAudit.delete(day);
      return bucket.sort((a, b) => a.event.at - b.event.at);
    });
  }

  /** Trips guaranteed to be live now for each live status, so even a small history shows every status. */
  private guaranteedLive(): number {
    return Math.min(5, Math.max(1, Math.floor(this.options.declarations / 600)));
  }

  /**
   * Planned first, then moved in time so that `now` falls inside the status they must show. Vehicles in the
   * yard are caught between check-in and clearance, so their steps fill the agency queues.
   */
  private guaranteedLiveTrips(): Trip[] {
    const trips: Trip[] = [];
    for (const status of LIVE) {
      for (let k = 0; k < this.guaranteedLive(); k++) {
        // Imports: the direction whose daily capacity recent volume never fills, so they never overbook a day.
        const trip = this.newTrip(this.options.now - 6 * HOUR, 'import');
        trip.fate = status === 'refused' ? 'refused' : 'exited';
        const journey = this.planner.plan(trip.facts, { fate: trip.fate, amended: false });
        const shift = this.shiftInto(journey.events, status);
        for (const e of journey.events) e.at += shift;
        trip.facts.submittedAt += shift;
        trip.facts.expectedArrivalAt += shift;
        trips.push({ ...trip, journey });
      }
    }
    return trips.slice(0, this.options.declarations);
  }

  /** How far to move a journey so that `now` falls in the middle part of the time it spends in `status`. */
  private shiftInto(events: readonly JourneyEvent[], status: DeclarationStatus): number {
    const moves = events.filter((e) => e.action === 'transition');
    const enter = moves.findIndex((e) => e.to === status);
    const [from, to] = [moves[enter].at, moves[enter + 1].at];
    return Math.round(this.options.now - (from + this.random.between(0.2, 0.8) * (to - from)));
  }
}

/** The first item satisfying `test`, starting the search at a random place so no truck is always first. */
function rotateFind<T>(items: readonly T[], random: Random, test: (item: T) => boolean): T | undefined {
  const start = random.int(0, items.length - 1);
  for (let k = 0; k < items.length; k++) {
    const item = items[(start + k) % items.length];
    if (test(item)) return item;
  }
  return undefined;
}

function takesSlot(fate: Fate): boolean {
  return fate !== 'rejected' && fate !== 'withdrawn';
}
