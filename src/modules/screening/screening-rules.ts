import type { ScreeningReason } from '../declarations/declaration-status.js';

export interface ArrivalWindow {
  pastMinutes: number;
  futureDays: number;
}

/**
 * Arrival must fall in the accepted window around the moment of submission (not of screening, so a
 * queue delay never turns a good declaration bad).
 */
export function arrivalWindowReason(
  expectedArrivalAt: Date,
  submittedAt: Date,
  window: ArrivalWindow,
): ScreeningReason | null {
  const earliest = submittedAt.getTime() - window.pastMinutes * 60_000;
  const latest = submittedAt.getTime() + window.futureDays * 86_400_000;
  const at = expectedArrivalAt.getTime();
  if (at >= earliest && at <= latest) return null;
  return {
    code: 'ARRIVAL.OUTSIDE_WINDOW',
    message: `Expected arrival must be between ${window.pastMinutes} minutes before and ${window.futureDays} days after submission`,
  };
}

export function watchlistReasons(hits: { kind: 'plate' | 'document' }[]): ScreeningReason[] {
  const reasons: ScreeningReason[] = [];
  if (hits.some((h) => h.kind === 'plate')) {
    reasons.push({
      code: 'WATCHLIST.VEHICLE',
      message: 'The vehicle or its trailer is on the watchlist; contact the border guard',
    });
  }
  if (hits.some((h) => h.kind === 'document')) {
    reasons.push({ code: 'WATCHLIST.DRIVER', message: 'The driver is on the watchlist; contact the border guard' });
  }
  return reasons;
}

export function alreadyActiveReason(otherReference: string): ScreeningReason {
  return {
    code: 'VEHICLE.ALREADY_ACTIVE',
    message: `The vehicle already has an active declaration (${otherReference}); cancel it or let it finish first`,
  };
}

export function capacityFullReason(gate: string, direction: string, day: string): ScreeningReason {
  return { code: 'GATE.CAPACITY_FULL', message: `${gate} has no ${direction} capacity left on ${day}` };
}

export function slotFullReason(gate: string, direction: string, slot: Date, nearestFree: Date[]): ScreeningReason {
  return {
    code: 'GATE.SLOT_FULL',
    message: `${gate} has no ${direction} capacity left in the hour from ${slot.toISOString()}; book one of the nearest free hours`,
    nearestFree: nearestFree.map((at) => at.toISOString()),
  };
}

export function bookingSuspendedReason(until: Date, why: string): ScreeningReason {
  return {
    code: 'BOOKING.SUSPENDED',
    message: `Booking arrival hours is suspended for this vehicle or company until ${until.toISOString()}: ${why}`,
    until: until.toISOString(),
  };
}
