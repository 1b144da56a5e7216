import type { StepResponseDto } from '../declarations/dto/step.response.dto.js';
import type { StepRow } from './clearance.repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toStepResponse(s: StepRow): StepResponseDto {
  return {
    id: s.id,
    agency: s.agency,
    kind: s.kind,
    stage: s.stage,
    status: s.status,
    version: s.version,
    readyAt: iso(s.ready_at),
    claimedAt: iso(s.claimed_at),
    claimExpiresAt: iso(s.claim_expires_at),
    decidedAt: iso(s.decided_at),
    note: s.note,
    feeAmountVnd: s.fee_amount_vnd === null ? null : Number(s.fee_amount_vnd),
    feeVehicleClass: s.fee_vehicle_class,
    paymentReference: s.payment_reference,
  };
}
