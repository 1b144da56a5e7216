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

/** When a submission books an hour, and when it is expected: checked against each other and the clock. */
export interface ArrivalFields {
  expectedArrivalAt: string;
  /** The booked hour (ISO 8601 UTC); null: no booking. */
  slotStart: string | null;
}

const HOUR_MS = 3_600_000;

/**
 * `slotStart` must be a whole hour that has not ended at `now` and starts within `horizonMs` of it; without
 * `expectedArrivalAt` the arrival is the slot's start, with it the arrival must lie within the slot hour.
 */
export function canonicaliseArrival(
  input: { expectedArrivalAt?: string; slotStart?: string },
  now: Date,
  horizonMs: number,
): ArrivalFields {
  if (input.slotStart === undefined) {
    if (input.expectedArrivalAt === undefined)
      throw DomainError.invalidField('expectedArrivalAt', msg('field.required'));
    return { expectedArrivalAt: new Date(input.expectedArrivalAt).toISOString(), slotStart: null };
  }
  const slot = new Date(input.slotStart).getTime();
  if (slot % HOUR_MS !== 0) throw DomainError.invalidField('slotStart', msg('field.slotWholeHour'));
  if (slot + HOUR_MS <= now.getTime()) throw DomainError.invalidField('slotStart', msg('field.slotPast'));
  if (slot > now.getTime() + horizonMs) {
    throw DomainError.invalidField(
      'slotStart',
      msg('field.slotBeyondHorizon', { days: Math.round(horizonMs / 86_400_000) }),
    );
  }
  const slotStart = new Date(slot).toISOString();
  if (input.expectedArrivalAt === undefined) return { expectedArrivalAt: slotStart, slotStart };
  const arrival = new Date(input.expectedArrivalAt).getTime();
  if (arrival < slot || arrival >= slot + HOUR_MS) {
    throw DomainError.invalidField('slotStart', msg('field.arrivalOutsideSlot'));
  }
  return { expectedArrivalAt: new Date(arrival).toISOString(), slotStart };
}
