import { PlateNumber } from '../../common/identifiers/plate-number.js';
import type { AmendmentRequestRow } from './declarations.repository.js';
import type { AmendmentRequestResponseDto } from './dto/amendment.dto.js';

export function toAmendmentResponse(a: AmendmentRequestRow): AmendmentRequestResponseDto {
  return {
    id: a.id,
    declarationId: a.declaration_id,
    reference: a.reference,
    plate: a.plate,
    plateDisplay: PlateNumber.displayOf(a.plate),
    status: a.status,
    changes: a.changes,
    requestedAt: a.requested_at.toISOString(),
    decidedAt: a.decided_at ? a.decided_at.toISOString() : null,
    note: a.note,
  };
}
