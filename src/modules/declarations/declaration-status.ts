export const DECLARATION_STATUSES = [
  'submitted',
  'accepted',
  'waiting_at_yard',
  'rejected',
  'cancelled',
  'expired',
  'in_yard',
  'cleared',
  'refused',
  'exited',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** The lifecycle as data: every allowed move. Anything not listed is refused. */
export const ALLOWED_TRANSITIONS: Record<DeclarationStatus, readonly DeclarationStatus[]> = {
  submitted: ['accepted', 'rejected', 'cancelled'],
  accepted: ['submitted', 'cancelled', 'expired', 'waiting_at_yard', 'in_yard'],
  waiting_at_yard: ['in_yard', 'cancelled', 'expired'],
  rejected: [],
  cancelled: [],
  expired: [],
  in_yard: ['cleared', 'refused'],
  cleared: ['exited'],
  refused: ['exited'],
  exited: [],
};

/** A vehicle may hold at most one declaration in these statuses (UQ_declaration_active_vehicle). */
export const ACTIVE_STATUSES: readonly DeclarationStatus[] = [
  'accepted',
  'waiting_at_yard',
  'in_yard',
  'cleared',
  'refused',
];

/** `('accepted', 'in_yard', …)` for hand-written SQL; must match the predicate of UQ_declaration_active_vehicle. */
export const ACTIVE_STATUSES_SQL = `(${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export function canTransition(from: DeclarationStatus, to: DeclarationStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export type ScreeningState = 'pending' | 'done' | 'failed';

export interface ScreeningReason {
  code: ScreeningReasonCode;
  message: string;
  /** `GATE.SLOT_FULL`: up to three hours nearest the one asked for that still have room (ISO 8601 UTC). */
  nearestFree?: string[];
  /** `BOOKING.SUSPENDED`: when the suspension ends (ISO 8601 UTC). */
  until?: string;
}

export type ScreeningReasonCode =
  | 'VEHICLE.ALREADY_ACTIVE'
  | 'WATCHLIST.VEHICLE'
  | 'WATCHLIST.DRIVER'
  | 'GATE.CAPACITY_FULL'
  | 'GATE.SLOT_FULL'
  | 'BOOKING.SUSPENDED'
  | 'ARRIVAL.OUTSIDE_WINDOW';

/** One entry of a declaration's public timeline, as kept in `declaration.timeline`. */
export interface TimelineEntry {
  status: DeclarationStatus;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
}

/**
 * SQL for a one-entry timeline array: `status` moved at `at` (a timestamptz expression). The same text as the
 * audit record's time, so the timeline and the audit log agree to the millisecond.
 */
export function timelineEntrySql(status: string, at: string): string {
  return `jsonb_build_array(jsonb_build_object('status', ${status}, 'at', to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`;
}
