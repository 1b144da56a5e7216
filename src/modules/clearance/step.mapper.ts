import { PlateNumber } from '../../common/identifiers/plate-number.js';
import type { StepResponseDto } from '../declarations/dto/step.response.dto.js';
import { toFeeQuoteDto } from '../fees/fee-quote.js';
import type {
  ClaimedStepRow,
  QueueEntryRow,
  StepRow,
  StepVehicleColumns,
  StepWithOfficersRow,
} from './clearance.repository.js';
import type {
  ClaimedStepResponseDto,
  DecisionResponseDto,
  QueueEntryResponseDto,
  StepVehicleDto,
} from './dto/clearance.dto.js';
import type { OfficerStepResponseDto } from '../declarations/dto/officer-declaration.response.dto.js';
import type { DecisionResult } from './step-decision.service.js';

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
    feeGoodsCategory: s.fee_goods_category,
    feeBaseVnd: s.fee_base_vnd === null ? null : Number(s.fee_base_vnd),
    feePercent: s.fee_percent,
    feeScheduleId: s.fee_schedule_id,
    feeExemptionCode: s.fee_exemption_code,
  };
}

export function toOfficerStepResponse(s: StepWithOfficersRow): OfficerStepResponseDto {
  return {
    ...toStepResponse(s),
    claimedBy: s.claimed_by && s.claimed_by_username ? { id: s.claimed_by, username: s.claimed_by_username } : null,
    decidedBy: s.decided_by && s.decided_by_username ? { id: s.decided_by, username: s.decided_by_username } : null,
  };
}

function toVehicle(
  v: Pick<StepVehicleColumns, 'reference' | 'plate' | 'direction'>,
  declarationId: string,
  gate: string,
): StepVehicleDto {
  return {
    declarationId,
    reference: v.reference,
    plate: v.plate,
    plateDisplay: PlateNumber.displayOf(v.plate),
    gate,
    direction: v.direction,
  };
}

export function toClaimedStepResponse(s: ClaimedStepRow): ClaimedStepResponseDto {
  return {
    ...toStepResponse(s),
    ...toVehicle(s, s.declaration_id, s.gate_code),
    perishable: s.perishable,
    feeQuote: toFeeQuoteDto(s),
  };
}

export function toQueueEntryResponse(r: QueueEntryRow, now: number): QueueEntryResponseDto {
  return {
    stepId: r.step_id,
    ...toVehicle(r, r.declaration_id, r.gate_code),
    perishable: r.perishable,
    kind: r.kind,
    status: r.status,
    position: r.position === null ? null : Number(r.position),
    readySince: r.ready_at.toISOString(),
    waitingSeconds: Math.max(0, Math.floor((now - r.ready_at.getTime()) / 1000)),
    claimedBy: r.claimed_by,
    claimExpiresAt: r.claim_expires_at ? r.claim_expires_at.toISOString() : null,
    feeQuote: toFeeQuoteDto(r),
    tripKind: r.trip_kind,
    handoverRole: r.handover_role,
    trailerPlate: r.trailer_plate ? PlateNumber.displayOf(r.trailer_plate) : null,
  };
}

export function toDecisionResponse({ step, declaration, declarationStatus }: DecisionResult): DecisionResponseDto {
  return {
    step: toStepResponse(step),
    ...toVehicle(declaration, declaration.id, declaration.gate_code),
    declarationStatus,
  };
}
