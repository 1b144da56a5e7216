import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import type { DeclarationStatus, ScreeningReason } from './declaration-status.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';

/**
 * Who did something: `company:<id>` (an API key), `company_user:<id>` (a person of the company, in the portal),
 * `officer:<id>` or `system:<component>`.
 */
export interface Actor {
  ref: string;
  agency?: string | null;
}

/** The audit log's actor for an officer's action. */
export function officerActor(officer: AuthenticatedOfficer): Actor {
  return { ref: `officer:${officer.id}`, agency: officer.agency };
}

export const SYSTEM_SCREENING: Actor = { ref: 'system:screening' };
export const SYSTEM_EXPIRY: Actor = { ref: 'system:expiry' };

export interface AuditEntry {
  declarationId: string;
  action: string;
  actor: Actor;
  fromStatus?: DeclarationStatus | null;
  toStatus?: DeclarationStatus | null;
  stepId?: string | null;
  note?: string | null;
  reasons?: ScreeningReason[] | null;
}

/**
 * Appends to the audit log (declaration_event). Call inside the transaction that makes the change. The
 * worker's sealer gives it its sequence number and hash after commit (AuditSealer); the database refuses
 * updates and deletes.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await rowsIn(
    manager,
    `INSERT INTO declaration_event (declaration_id, gate_code, action, from_status, to_status, actor, agency, step_id, note, reasons, at)
     SELECT d.id, d.gate_code, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, date_trunc('milliseconds', now())
       FROM declaration d WHERE d.id = $1`,
    [
      entry.declarationId,
      entry.action,
      entry.fromStatus ?? null,
      entry.toStatus ?? null,
      entry.actor.ref,
      entry.actor.agency ?? null,
      entry.stepId ?? null,
      entry.note ?? null,
      entry.reasons ? JSON.stringify(entry.reasons) : null,
    ],
  );
}
