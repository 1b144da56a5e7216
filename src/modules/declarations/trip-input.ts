import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import type { HandoverRequestDto } from './dto/submit-declaration.request.dto.js';
import { HANDOVER_KINDS, type HandoverRole, type TripKind } from './trip-kind.js';

/** What a submission says about its kind of trip, checked: a handover exactly on the kinds made of two vehicles. */
export interface TripFields {
  tripKind: TripKind;
  handoverRole: HandoverRole | null;
  linkedDeclarationId: string | null;
}

export function canonicaliseTrip(input: { tripKind?: TripKind; handover?: HandoverRequestDto }): TripFields {
  const tripKind = input.tripKind ?? 'through';
  const handover = input.handover;
  const isHandoverKind = (HANDOVER_KINDS as readonly TripKind[]).includes(tripKind);
  if (!isHandoverKind) {
    if (handover) throw DomainError.invalidField('handover', msg('field.handoverNotForKind'));
    return { tripKind, handoverRole: null, linkedDeclarationId: null };
  }
  if (!handover) throw DomainError.invalidField('handover', msg('field.handoverRequired', { kind: tripKind }));
  if (handover.role === 'receiving' && !handover.linkedDeclarationId) {
    throw DomainError.invalidField('handover.linkedDeclarationId', msg('field.linkRequired'));
  }
  if (handover.role === 'delivering' && handover.linkedDeclarationId) {
    throw DomainError.invalidField('handover.linkedDeclarationId', msg('field.linkNotForDelivering'));
  }
  return {
    tripKind,
    handoverRole: handover.role,
    linkedDeclarationId: handover.linkedDeclarationId?.toLowerCase() ?? null,
  };
}
