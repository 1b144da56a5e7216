import type { DeclarationStatus } from '../declarations/declaration-status.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import type { ReturnWord } from '../returns/return-events.js';
import type { CallState } from '../regulation-yards/yard-events.js';

/** What companies can subscribe to with webhooks (issue 5's list). */
export const WEBHOOK_EVENT_TYPES = [
  'declaration.accepted',
  'declaration.waiting_at_yard',
  'declaration.called_forward',
  'declaration.call_missed',
  'declaration.rejected',
  'declaration.in_yard',
  'declaration.step_passed',
  'declaration.held',
  'declaration.cleared',
  'declaration.refused',
  'declaration.exited',
  'declaration.expired',
  'declaration.return_due_soon',
  'declaration.return_overdue',
  'declaration.returned',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * One thing that happened to a declaration, read from the audit log after it committed. `seq` is the audit
 * sequence number: unique, increasing in commit order, so it doubles as the SSE event id.
 */
export interface DomainEvent {
  seq: number;
  /** `declaration.<status>` for status moves; `declaration.step_passed` / `declaration.held` for steps. */
  type: string;
  occurredAt: string;
  declarationId: string;
  companyId: string;
  reference: string;
  plate: string;
  gate: GateCode;
  direction: Direction;
  /** The declaration's status after this event. */
  status: DeclarationStatus;
  step: { id: string; agency: string; status: string } | null;
  /** For the return events: `due_soon`, `overdue` or `returned` (the status stays `exited`). */
  returnState?: ReturnWord | null;
  /** For the call forward's events: the call's state, the deadline to reach the gate and the yard it left. */
  call?: CallEvent | null;
}

export interface CallEvent {
  state: CallState;
  deadline: string;
  yard: string;
}
