import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import type { OfficerChangeAction } from './officer-change.entity.js';

/**
 * Appends one change of an officer's account to officer_change. Call inside the transaction that makes it.
 * `changes` says what changed (gates, agency); never a password or its hash.
 */
export async function recordOfficerChange(
  manager: EntityManager,
  officerId: string,
  action: OfficerChangeAction,
  actor: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await rowsIn(
    manager,
    `INSERT INTO officer_change (officer_id, action, actor, changes, at)
     VALUES ($1, $2, $3, $4::jsonb, date_trunc('milliseconds', now()))`,
    [officerId, action, actor, JSON.stringify(changes)],
  );
}
