import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn } from '../../database/sql.js';
import { type Actor, appendAudit } from './audit.js';
import { canTransition, type DeclarationStatus, type ScreeningReason, timelineEntrySql } from './declaration-status.js';

export interface TransitionRequest {
  declarationId: string;
  from: DeclarationStatus;
  to: DeclarationStatus;
  /** The version the caller read; the move fails if anyone changed the declaration since. */
  version: number;
  actor: Actor;
  reasons?: ScreeningReason[];
  note?: string | null;
}

/**
 * The only way a declaration changes status. Call inside a transaction: the conditional update and the
 * audit record commit together, and a concurrent or illegal move changes nothing.
 */
export async function transition(manager: EntityManager, request: TransitionRequest): Promise<number> {
  const { declarationId, from, to, version, actor, reasons, note } = request;
  if (!canTransition(from, to)) {
    throw new DomainError('DECLARATION.ILLEGAL_TRANSITION', `A declaration cannot move from ${from} to ${to}`, {
      from,
      to,
    });
  }
  const updated = await rowsIn<{ version: number }>(
    manager,
    `UPDATE declaration
        SET status = $3, version = version + 1, updated_at = date_trunc('milliseconds', now()),
            reasons = COALESCE($5::jsonb, reasons),
            timeline = timeline || ${timelineEntrySql('$3::text', "date_trunc('milliseconds', now())")}
      WHERE id = $1 AND status = $2 AND version = $4
      RETURNING version`,
    [declarationId, from, to, version, reasons ? JSON.stringify(reasons) : null],
  );
  if (updated.length === 0) {
    throw new DomainError('DECLARATION.CONCURRENT_CHANGE', 'The declaration changed meanwhile; reload and retry', {
      expectedStatus: from,
      expectedVersion: version,
    });
  }
  await appendAudit(manager, {
    declarationId,
    action: 'transition',
    fromStatus: from,
    toStatus: to,
    actor,
    reasons,
    note,
  });
  return updated[0].version;
}
