import type { Direction } from '../../common/domain/gate-code.js';
import type { StepAgency } from '../officers/agency.js';
import { STEP_STATUSES, type StepKind, type StepStatus } from '../../common/domain/clearance-step.js';

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

/**
 * Which agencies clear a truck, in which order, by direction. Data, not code: change the table, not the
 * services. The fee step belongs to the yard (the gate's management board collects the infrastructure fee).
 */
export const STEP_ROUTES: Record<Direction, readonly StepRule[]> = {
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

export function planSteps(direction: Direction, cargo: CargoFacts): PlannedStep[] {
  const quarantine = needsQuarantine(cargo);
  return STEP_ROUTES[direction]
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
