import type { DeclarationStatus, ScreeningReason } from '../../src/modules/declarations/declaration-status.js';
import type { StepAgency, StepKind, StepStatus } from '../../src/modules/clearance/routing.js';

/** One audit record of a trip, as the service would have appended it. */
export interface JourneyEvent {
  at: number;
  action: string;
  from: DeclarationStatus | null;
  to: DeclarationStatus | null;
  actor: string;
  agency: string | null;
  /** Index into the trip's steps for step.* records. */
  step: number | null;
  note: string | null;
  reasons: ScreeningReason[] | null;
  /** A passing decision that completes its stage opens this later stage (ready_at = at). */
  opensStage: number | null;
  fee: { amountVnd: number; vehicleClass: string; paymentReference: string } | null;
}

export interface StepState {
  id: string;
  agency: StepAgency;
  kind: StepKind;
  stage: number;
  priority: number;
  status: StepStatus;
  readyAt: number | null;
  claimedBy: string | null;
  claimedAt: number | null;
  claimExpiresAt: number | null;
  decidedBy: string | null;
  decidedAt: number | null;
  note: string | null;
  feeAmountVnd: number | null;
  feeVehicleClass: string | null;
  paymentReference: string | null;
  version: number;
  createdAt: number;
}

/** The declaration's own columns that its history decides. */
export interface DeclarationState {
  status: DeclarationStatus;
  version: number;
  updatedAt: number;
  reasons: ScreeningReason[];
  screeningState: 'pending' | 'done';
  arrivedAt: number | null;
  exitedAt: number | null;
  exitDestination: 'CN' | 'VN_INLAND' | null;
}
