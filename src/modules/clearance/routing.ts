import type { Direction } from '../../common/domain/gate-code.js';
import type { StepAgency } from '../officers/agency.js';
import { STEP_STATUSES, type StepKind, type StepStatus } from '../../common/domain/clearance-step.js';
import type { HANDOVER_KINDS, HandoverRole, TripKind } from '../declarations/trip-kind.js';

type HandoverKind = (typeof HANDOVER_KINDS)[number];

export type { StepAgency, StepKind, StepStatus };
export { STEP_STATUSES };

export interface StepRule {
  agency: StepAgency;
  kind: StepKind;
  /** Steps of the same stage run side by side; a stage opens when every earlier stage has passed. */
  stage: number;
  /** Present only when the goods call for it. */
  when?: 'quarantine_needed';
}

const GOODS_ROUTES: Record<Direction, readonly StepRule[]> = {
  export: [
    { agency: 'customs', kind: 'inspection', stage: 1 },
    { agency: 'quarantine', kind: 'inspection', stage: 1, when: 'quarantine_needed' },
    { agency: 'border_guard', kind: 'inspection', stage: 2 },
    { agency: 'yard', kind: 'fee', stage: 3 },
  ],
  import: [
    { agency: 'border_guard', kind: 'inspection', stage: 1 },
    { agency: 'customs', kind: 'inspection', stage: 2 },
    { agency: 'quarantine', kind: 'inspection', stage: 2, when: 'quarantine_needed' },
    { agency: 'yard', kind: 'fee', stage: 3 },
  ],
};

/** No goods to inspect: the border guard checks vehicle and driver, then the fee. */
const VEHICLE_ONLY: readonly StepRule[] = [
  { agency: 'border_guard', kind: 'inspection', stage: 1 },
  { agency: 'yard', kind: 'fee', stage: 2 },
];

/** Goods already inspected on the delivering vehicle: customs supervises the loading beside the border guard. */
const LOADING_ONLY: readonly StepRule[] = [
  { agency: 'customs', kind: 'inspection', stage: 1 },
  { agency: 'border_guard', kind: 'inspection', stage: 1 },
  { agency: 'yard', kind: 'fee', stage: 2 },
];

/** A route of the table: the kind of trip, and for the two-vehicle kinds the leg (`transshipment:receiving`). */
export type RouteKey = Exclude<TripKind, HandoverKind> | `${HandoverKind}:${HandoverRole}`;

/**
 * Which agencies clear a truck, in which order, by kind of trip (and leg) and direction. Data, not code: change
 * the table, not the services. The fee step belongs to the yard (the gate's management board collects the
 * infrastructure fee). Quarantine appears only on routes that carry goods to inspect.
 */
export const STEP_ROUTES: Record<RouteKey, Record<Direction, readonly StepRule[]>> = {
  through: GOODS_ROUTES,
  delivery_and_return: GOODS_ROUTES,
  empty: { export: VEHICLE_ONLY, import: VEHICLE_ONLY },
  // The delivering vehicle brings the goods: they are inspected where they are unloaded.
  'transshipment:delivering': GOODS_ROUTES,
  'transshipment:receiving': { export: LOADING_ONLY, import: LOADING_ONLY },
  'tractor_swap:delivering': GOODS_ROUTES,
  // The new tractor takes over a trailer whose goods were cleared with the delivering tractor.
  'tractor_swap:receiving': { export: VEHICLE_ONLY, import: VEHICLE_ONLY },
};

/** The kind of trip a declaration makes; `role` is set exactly for the two-vehicle kinds. */
export interface TripRoute {
  kind: TripKind;
  role: HandoverRole | null;
}

export const THROUGH_TRIP: TripRoute = { kind: 'through', role: null };

export function routeKey(trip: TripRoute): RouteKey {
  if (trip.kind === 'transshipment' || trip.kind === 'tractor_swap') {
    // The database holds a role for exactly these kinds (CK_declaration_handover); delivering is the safe reading.
    return `${trip.kind}:${trip.role ?? 'delivering'}`;
  }
  return trip.kind;
}

export interface CargoFacts {
  perishable: boolean;
  hsCode: string | null;
  quarantineRequired: boolean;
}

/** Plant/animal quarantine: perishable goods, HS chapters 01–14 (live animals, animal and plant products), or on request. */
export function needsQuarantine(cargo: CargoFacts): boolean {
  const chapter = cargo.hsCode ? Number(cargo.hsCode.slice(0, 2)) : null;
  return cargo.perishable || cargo.quarantineRequired || (chapter !== null && chapter >= 1 && chapter <= 14);
}

export interface PlannedStep extends StepRule {
  /** Perishable goods are served first in every queue. */
  priority: number;
}

export function planSteps(direction: Direction, cargo: CargoFacts, trip: TripRoute = THROUGH_TRIP): PlannedStep[] {
  const quarantine = needsQuarantine(cargo);
  return STEP_ROUTES[routeKey(trip)][direction]
    .filter((rule) => rule.when !== 'quarantine_needed' || quarantine)
    .map((rule) => ({ ...rule, priority: cargo.perishable ? 0 : 1 }));
}

/** A step's own lifecycle. `claimed → waiting` is a claim that expired or was released. */
export const STEP_TRANSITIONS: Record<StepStatus, readonly StepStatus[]> = {
  waiting: ['claimed'],
  claimed: ['waiting', 'passed', 'held', 'refused'],
  held: ['passed', 'refused'],
  passed: [],
  refused: [],
};

export const DECISIONS = { pass: 'passed', hold: 'held', refuse: 'refused' } as const satisfies Record<
  string,
  StepStatus
>;
export type Decision = keyof typeof DECISIONS;
