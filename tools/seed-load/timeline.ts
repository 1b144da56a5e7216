import type { DeclarationState, JourneyEvent, StepState } from './journey-types.js';

/** A step as the check-in creates it (clearance.repository createSteps), before anything happens to it. */
export type PlannedStep = Pick<StepState, 'id' | 'agency' | 'kind' | 'stage' | 'priority'>;

export interface TripState {
  declaration: DeclarationState;
  /** Empty until the truck checked in. */
  steps: StepState[];
  /** The records that had happened by `now`, in order. */
  events: JourneyEvent[];
}

// The service's claim timeout (CLEARANCE_CLAIM_TIMEOUT_MS default).
export const CLAIM_TIMEOUT_MS = 10 * 60_000;

/**
 * Replays a trip's audit records up to `now` and returns the rows they leave behind: the declaration's status
 * and markers, and its clearance steps. Rows derived from the log can never disagree with the log.
 */
export function replay(events: readonly JourneyEvent[], planned: readonly PlannedStep[], now: number): TripState {
  const happened = events.filter((e) => e.at <= now);
  const declaration: DeclarationState = {
    status: 'submitted',
    version: 1,
    updatedAt: happened[0].at,
    reasons: [],
    screeningState: 'pending',
    arrivedAt: null,
    exitedAt: null,
    exitDestination: null,
  };
  let steps: StepState[] = [];
  for (const event of happened) {
    if (event.action === 'transition') {
      if (event.from === null) continue; // the submission itself: the row starts here
      applyTransition(declaration, event);
      if (event.to === 'in_yard') steps = checkIn(planned, event.at);
    } else if (event.step !== null) {
      applyStepEvent(steps, event);
    }
  }
  return { declaration, steps, events: happened };
}

function applyTransition(d: DeclarationState, e: JourneyEvent): void {
  d.status = e.to ?? d.status;
  d.version += 1;
  d.updatedAt = e.at;
  if (e.reasons) d.reasons = e.reasons;
  if (e.from === 'submitted') d.screeningState = 'done';
  if (e.to === 'submitted') [d.screeningState, d.reasons] = ['pending', []];
  if (e.to === 'in_yard') d.arrivedAt = e.at;
  if (e.to === 'exited') {
    d.exitedAt = e.at;
    d.exitDestination = e.note === 'exit to CN' ? 'CN' : 'VN_INLAND';
  }
}

function checkIn(planned: readonly PlannedStep[], at: number): StepState[] {
  const firstStage = Math.min(...planned.map((s) => s.stage));
  return planned.map((p) => ({
    id: p.id,
    agency: p.agency,
    kind: p.kind,
    stage: p.stage,
    priority: p.priority,
    status: 'waiting',
    readyAt: p.stage === firstStage ? at : null,
    claimedBy: null,
    claimedAt: null,
    claimExpiresAt: null,
    decidedBy: null,
    decidedAt: null,
    note: null,
    feeAmountVnd: null,
    feeVehicleClass: null,
    paymentReference: null,
    version: 1,
    createdAt: at,
  }));
}

function applyStepEvent(steps: StepState[], e: JourneyEvent): void {
  const step = steps[e.step ?? -1];
  const officer = e.actor.slice('officer:'.length);
  step.version += 1;
  if (e.action === 'step.claimed') {
    step.status = 'claimed';
    step.claimedBy = officer;
    step.claimedAt = e.at;
    step.claimExpiresAt = e.at + CLAIM_TIMEOUT_MS;
  } else if (e.action === 'step.claim_expired') {
    step.status = 'waiting';
    step.claimedBy = step.claimedAt = step.claimExpiresAt = null;
  } else {
    step.status = e.action.slice('step.'.length) as StepState['status'];
    step.decidedBy = officer;
    step.decidedAt = e.at;
    step.claimExpiresAt = null;
    step.note = e.note ?? step.note;
    if (e.fee) {
      step.feeAmountVnd = e.fee.amountVnd;
      step.feeVehicleClass = e.fee.vehicleClass;
      step.paymentReference = e.fee.paymentReference;
    }
    if (e.opensStage !== null) {
      for (const s of steps) if (s.stage === e.opensStage && s.readyAt === null) s.readyAt = e.at;
    }
  }
}
