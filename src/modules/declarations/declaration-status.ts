export const DECLARATION_STATUSES = [
  'submitted',
  'accepted',
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
  accepted: ['submitted', 'cancelled', 'expired', 'in_yard'],
  rejected: [],
  cancelled: [],
  expired: [],
  in_yard: ['cleared', 'refused'],
  cleared: ['exited'],
  refused: ['exited'],
  exited: [],
};

/** A vehicle may hold at most one declaration in these statuses (UQ_declaration_active_vehicle). */
export const ACTIVE_STATUSES: readonly DeclarationStatus[] = ['accepted', 'in_yard', 'cleared', 'refused'];

/** `('accepted', 'in_yard', …)` for hand-written SQL; must match the predicate of UQ_declaration_active_vehicle. */
export const ACTIVE_STATUSES_SQL = `(${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export function canTransition(from: DeclarationStatus, to: DeclarationStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export type ScreeningState = 'pending' | 'done' | 'failed';

export interface ScreeningReason {
  code: ScreeningReasonCode;
  message: string;
}

export type ScreeningReasonCode =
  'VEHICLE.ALREADY_ACTIVE' | 'WATCHLIST.VEHICLE' | 'WATCHLIST.DRIVER' | 'GATE.CAPACITY_FULL' | 'ARRIVAL.OUTSIDE_WINDOW';
