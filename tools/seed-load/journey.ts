import { RESOLUTION_09_2025 } from '../../migrations/1800520000000-FeeSchedules.js';
import { goodsCategoryOf, vehicleClassOf } from '../../src/modules/fees/fee-rules.js';
import { planSteps, type StepAgency } from '../../src/modules/clearance/routing.js';
import type { DeclarationStatus, ScreeningReason } from '../../src/modules/declarations/declaration-status.js';
import type { Direction } from './cargo.js';
import type { JourneyEvent } from './journey-types.js';
import type { Random } from './random.js';
import { CLAIM_TIMEOUT_MS, type PlannedStep } from './timeline.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// The service's CLEARANCE_NO_SHOW_EXPIRY_MINUTES default.
const NO_SHOW_EXPIRY_MS = 12 * HOUR;

/** How a trip ends if nothing stops it early (`now` may). */
export type Fate = 'exited' | 'refused' | 'rejected' | 'withdrawn' | 'cancelled' | 'expired';

export interface TripFacts {
  companyId: string;
  gate: string;
  direction: Direction;
  submittedAt: number;
  expectedArrivalAt: number;
  cargo: { perishable: boolean; hsCode: string | null; quarantineRequired: boolean; grossWeightKg: number };
}

export interface TripScript {
  fate: Fate;
  /** For `rejected`: what screening said. */
  reasons?: ScreeningReason[];
  /** Amended after acceptance: back to submitted, screened again. */
  amended: boolean;
}

/** Who is on duty: an officer id of that agency at that gate. */
export type Roster = (gate: string, agency: StepAgency | 'supervisor') => string;
/** The fee the schedule in force gives a through trip of the standard regime (rate × percent). */
export type FeeLookup = (vehicleClass: string, goods: string, direction: Direction) => number;

export interface Journey {
  events: JourneyEvent[];
  steps: PlannedStep[];
}

// Median minutes an agency's queue keeps a truck waiting, and its officers take to decide: with the wait to
// leave, about four hours from arrival to exit, as the real samples show.
const QUEUE_WAIT_MIN: Record<StepAgency, number> = { customs: 70, quarantine: 55, border_guard: 45, yard: 30 };
const DECIDE_MIN: Record<StepAgency, number> = { customs: 5, quarantine: 6, border_guard: 3, yard: 2 };
const HOLD_NOTES = ['Chờ bổ sung chứng từ / waiting for documents', 'Kiểm tra thực tế hàng hóa / physical inspection'];
const REFUSAL_NOTES = [
  'Hàng hóa không đúng khai báo / goods differ from the declaration',
  'Thiếu giấy phép / permit missing',
];

/**
 * The whole intended history of one trip, as audit records with times: submission, screening, maybe an
 * amendment or a cancellation, check-in, every clearance step claimed and decided in routing order, the
 * clearance or refusal, the exit. `replay()` cuts it at `now`.
 */
export class JourneyPlanner {
  constructor(
    private readonly random: Random,
    private readonly roster: Roster,
    private readonly feeFor: FeeLookup,
  ) {}

  plan(trip: TripFacts, script: TripScript): Journey {
    const log = new EventLog();
    const company = `company:${trip.companyId}`;
    log.transition(trip.submittedAt, null, 'submitted', company);
    if (script.fate === 'withdrawn') {
      log.transition(trip.submittedAt + this.minutes(3, 0.8), 'submitted', 'cancelled', company);
      return { events: log.events, steps: [] };
    }
    let t = trip.submittedAt + this.screeningDelay();
    if (script.fate === 'rejected') {
      log.transition(t, 'submitted', 'rejected', 'system:screening', { reasons: script.reasons ?? [] });
      return { events: log.events, steps: [] };
    }
    log.transition(t, 'submitted', 'accepted', 'system:screening');
    const beforeArrival = Math.max(trip.expectedArrivalAt - t, MINUTE);
    if (script.amended) {
      t += Math.round(beforeArrival * this.random.between(0.1, 0.5));
      log.transition(t, 'accepted', 'submitted', company, { note: 'amended' });
      t += this.screeningDelay();
      log.transition(t, 'submitted', 'accepted', 'system:screening');
    }
    if (script.fate === 'cancelled') {
      log.transition(
        t + Math.round((trip.expectedArrivalAt - t) * this.random.between(0.2, 0.9)),
        'accepted',
        'cancelled',
        company,
      );
      return { events: log.events, steps: [] };
    }
    if (script.fate === 'expired') {
      log.transition(
        trip.expectedArrivalAt + NO_SHOW_EXPIRY_MS + this.random.int(50, 5_000),
        'accepted',
        'expired',
        'system:expiry',
      );
      return { events: log.events, steps: [] };
    }
    return this.atTheGate(
      trip,
      script,
      log,
      Math.max(trip.expectedArrivalAt + Math.round(this.random.normal() * 40 * MINUTE), t + 5 * MINUTE),
    );
  }

  private atTheGate(trip: TripFacts, script: TripScript, log: EventLog, arrival: number): Journey {
    const steps: PlannedStep[] = planSteps(trip.direction, trip.cargo).map((s) => ({
      id: this.random.uuid(),
      agency: s.agency,
      kind: s.kind,
      stage: s.stage,
      priority: s.priority,
    }));
    const checker = this.officer(trip.gate, this.random.chance(0.7) ? 'yard' : 'border_guard');
    log.transition(arrival, 'accepted', 'in_yard', checker.ref, { agency: checker.agency });
    const refusedStep = script.fate === 'refused' ? this.refusalStep(steps) : -1;
    const stages = [...new Set(steps.map((s) => s.stage))].sort((a, b) => a - b);
    let stageOpen = arrival;
    for (const [n, stage] of stages.entries()) {
      const inStage = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.stage === stage);
      const decided = inStage.map(({ s, i }) => this.decideStep(trip, log, s, i, stageOpen, i === refusedStep));
      const refusal = decided.find((d) => d.refused);
      if (refusal) {
        this.refuse(trip, log, inStage, decided, refusal);
        break;
      }
      stageOpen = Math.max(...decided.map((d) => d.passedAt));
      const last = log.lastPassIn(inStage.map(({ i }) => i));
      if (n + 1 < stages.length) last.opensStage = stages[n + 1];
      else {
        log.transition(stageOpen, 'in_yard', 'cleared', last.actor, { agency: last.agency });
        this.exit(trip, log, stageOpen + this.minutes(35, 0.5), 'cleared');
      }
    }
    return { events: log.sorted(), steps };
  }

  /** Claims a step when its queue reaches it, then passes it (sometimes after a hold) or refuses it. */
  private decideStep(
    trip: TripFacts,
    log: EventLog,
    step: PlannedStep,
    index: number,
    readyAt: number,
    refuse: boolean,
  ): StepOutcome {
    const officer = this.officer(trip.gate, step.agency);
    const claimedAt = readyAt + this.minutes(QUEUE_WAIT_MIN[step.agency], 0.6);
    const decidedAt = claimedAt + Math.min(this.minutes(DECIDE_MIN[step.agency], 0.5), CLAIM_TIMEOUT_MS - MINUTE);
    log.step(claimedAt, 'step.claimed', officer, index);
    if (refuse) {
      log.step(decidedAt, 'step.refused', officer, index, { note: this.random.pick(REFUSAL_NOTES) });
      return { refused: true, officer, claimedAt, decidedAt, passedAt: decidedAt };
    }
    let passedAt = decidedAt;
    if (this.random.chance(0.02)) {
      log.step(decidedAt, 'step.held', officer, index, { note: this.random.pick(HOLD_NOTES) });
      passedAt = decidedAt + this.minutes(45, 0.5);
    }
    log.step(passedAt, 'step.passed', officer, index, step.kind === 'fee' ? { fee: this.fee(trip) } : {});
    return { refused: false, officer, claimedAt, decidedAt, passedAt };
  }

  /**
   * At the first refusal the truck is refused and must leave; its other steps leave the queues. One claimed
   * by then stays claimed until the claim runs out and the expiry sweep puts it back (waiting).
   */
  private refuse(
    trip: TripFacts,
    log: EventLog,
    inStage: { i: number }[],
    decided: StepOutcome[],
    refusal: StepOutcome,
  ): void {
    const at = refusal.decidedAt;
    log.dropStepEventsAfter(at);
    for (const [k, { i }] of inStage.entries()) {
      const d = decided[k];
      if (d.claimedAt <= at && d.decidedAt > at)
        log.step(d.claimedAt + CLAIM_TIMEOUT_MS, 'step.claim_expired', null, i);
    }
    log.transition(at, 'in_yard', 'refused', refusal.officer.ref, { agency: refusal.officer.agency });
    this.exit(trip, log, at + this.minutes(60, 0.5), 'refused');
  }

  private exit(trip: TripFacts, log: EventLog, at: number, from: 'cleared' | 'refused'): void {
    const officer = this.officer(trip.gate, this.random.chance(0.6) ? 'border_guard' : 'yard');
    log.transition(at, from, 'exited', officer.ref, {
      agency: officer.agency,
      note: `exit to ${exitDestination(trip.direction, from)}`,
    });
  }

  private fee(trip: TripFacts) {
    // Seeded trips are through trips of the standard regime, classed by the first schedule's limits.
    const vehicleClass = vehicleClassOf(RESOLUTION_09_2025, trip.cargo.grossWeightKg);
    const goods = goodsCategoryOf({ tripKind: 'through', handoverRole: null, cargoRegime: 'standard', ...trip.cargo });
    return {
      amountVnd: this.feeFor(vehicleClass, goods, trip.direction),
      vehicleClass,
      paymentReference: `${this.random.pick(['VCB', 'BIDV', 'AGR', 'VTB'])}${this.random.digits(10)}`,
    };
  }

  /** Refusals come from the inspections, mostly customs. */
  private refusalStep(steps: PlannedStep[]): number {
    const inspections = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'inspection');
    const customs = inspections.find(({ s }) => s.agency === 'customs');
    return (customs && this.random.chance(0.6) ? customs : this.random.pick(inspections)).i;
  }

  private officer(gate: string, agency: StepAgency): Officer {
    return { ref: `officer:${this.roster(gate, agency)}`, agency };
  }

  private screeningDelay(): number {
    return Math.round(Math.min(this.random.logNormal(40_000, 0.8), 10 * MINUTE));
  }

  private minutes(median: number, sigma: number): number {
    return Math.round(this.random.logNormal(median, sigma) * MINUTE);
  }
}

interface Officer {
  ref: string;
  agency: string;
}

interface StepOutcome {
  refused: boolean;
  officer: Officer;
  claimedAt: number;
  /** The first decision (a hold, a pass or the refusal). */
  decidedAt: number;
  passedAt: number;
}

/** As ExitService: cleared goods go on (export to CN, import inland), refused ones go back. */
export function exitDestination(direction: Direction, from: 'cleared' | 'refused'): 'CN' | 'VN_INLAND' {
  const forward = direction === 'export' ? 'CN' : 'VN_INLAND';
  const back = direction === 'export' ? 'VN_INLAND' : 'CN';
  return from === 'cleared' ? forward : back;
}

/** Collects a trip's records; times are whole milliseconds, as the service truncates them. */
class EventLog {
  readonly events: JourneyEvent[] = [];

  transition(
    at: number,
    from: DeclarationStatus | null,
    to: DeclarationStatus,
    actor: string,
    extra: { agency?: string | null; note?: string; reasons?: ScreeningReason[] } = {},
  ): void {
    this.push({
      at: Math.round(at),
      action: 'transition',
      from,
      to,
      actor,
      agency: extra.agency ?? null,
      step: null,
      note: extra.note ?? null,
      reasons: extra.reasons ?? null,
      opensStage: null,
      fee: null,
    });
  }

  step(
    at: number,
    action: string,
    officer: Officer | null,
    step: number,
    extra: { note?: string; fee?: JourneyEvent['fee'] } = {},
  ): void {
    this.push({
      at: Math.round(at),
      action,
      from: null,
      to: null,
      actor: officer?.ref ?? 'system:expiry',
      agency: officer?.agency ?? null,
      step,
      note: extra.note ?? null,
      reasons: null,
      opensStage: null,
      fee: extra.fee ?? null,
    });
  }

  lastPassIn(stepIndexes: number[]): JourneyEvent {
    const passes = this.events.filter((e) => e.action === 'step.passed' && stepIndexes.includes(e.step ?? -1));
    return passes.reduce((latest, e) => (e.at >= latest.at ? e : latest));
  }

  dropStepEventsAfter(at: number): void {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e.step !== null && (e.at > at || (e.at === at && e.action === 'step.passed'))) this.events.splice(i, 1);
    }
  }

  /** In time order; records of one moment keep the order they were written in (one transaction): sort is stable. */
  sorted(): JourneyEvent[] {
    return this.events.sort((a, b) => a.at - b.at);
  }

  private push(e: JourneyEvent): void {
    this.events.push(e);
  }
}
