import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn } from '../../database/sql.js';
import type { Actor } from './audit.js';
import { canTransition, type DeclarationStatus, type ScreeningReason, timelineEntrySql } from './declaration-status.js';
import { msg } from '../../common/i18n/message.js';

export interface TransitionRequest {
  declarationId: string;
  from: DeclarationStatus;
  to: DeclarationStatus;
  /** The version the caller read; the move fails if anyone changed the declaration since. */
  version: number;
  actor: Actor;
  reasons?: ScreeningReason[];
  note?: string | null;
  /** Screening is over with this move: its state becomes `done` in the same update. */
  screeningDone?: boolean;
}

/**
 * The only way a declaration changes status. Call inside the transaction that makes the change: the
 * conditional update and its audit record are one statement, and a concurrent or illegal move changes nothing.
 */
export async function transition(manager: EntityManager, request: TransitionRequest): Promise<number> {
  const { declarationId, from, to, version, actor, reasons, note } = request;
  if (!canTransition(from, to)) {
    throw new DomainError('DECLARATION.ILLEGAL_TRANSITION', msg('declaration.illegalTransition', { from, to }), {
      from,
      to,
    });
  }
  // One statement: the conditional update and its audit record (the event's `at` is the timeline entry's).
  const updated = await rowsIn<{ version: number }>(
    manager,
    `WITH moved AS (
       UPDATE declaration
          SET status = $3, version = version + 1, updated_at = date_trunc('milliseconds', now()),
              reasons = COALESCE($5::jsonb, reasons),
              timeline = timeline || ${timelineEntrySql('$3::text', "date_trunc('milliseconds', now())")},
              screening_state = CASE WHEN $7::boolean THEN 'done' ELSE screening_state END,
              screening_error = CASE WHEN $7::boolean THEN NULL ELSE screening_error END
        WHERE id = $1 AND status = $2 AND version = $4
        RETURNING id, gate_code, version, updated_at
     ), audit AS (
       INSERT INTO declaration_event (declaration_id, gate_code, action, from_status, to_status, actor, agency, note, reasons, at)
       SELECT id, gate_code, 'transition', $2, $3, $6, $8, $9, $5::jsonb, updated_at FROM moved
     )
     SELECT version FROM moved`,
    [
      declarationId,
      from,
      to,
      version,
      reasons ? JSON.stringify(reasons) : null,
      actor.ref,
      request.screeningDone ?? false,
      actor.agency ?? null,
      note ?? null,
    ],
  );
  if (updated.length === 0) {
    throw new DomainError('DECLARATION.CONCURRENT_CHANGE', msg('declaration.concurrentChange'), {
      expectedStatus: from,
      expectedVersion: version,
    });
  }
  return updated[0].version;
}
