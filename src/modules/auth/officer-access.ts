import { DomainError } from '../../common/errors/domain-error.js';
import type { Agency } from '../officers/agency.js';
import type { OfficerProfile } from '../officers/officers.service.js';

/** The officer behind a request, `{id, username, agency, gates}`, as OfficerAuthGuard read them for this request. */
export type AuthenticatedOfficer = OfficerProfile;

const AGENCY_NAMES: Record<Agency, string> = {
  customs: 'Customs',
  border_guard: 'Border guard',
  quarantine: 'Quarantine',
  yard: 'Yard',
  supervisor: 'Supervisor',
};

function postedAt(officer: AuthenticatedOfficer, gate: string): boolean {
  return (officer.gates as readonly string[]).includes(gate);
}

/** Whether the officer may act at `gate` as one of `allowed`; a supervisor of the gate may do what any agency may. */
export function officerMay(officer: AuthenticatedOfficer, gate: string, allowed: readonly Agency[]): boolean {
  return postedAt(officer, gate) && (officer.agency === 'supervisor' || allowed.includes(officer.agency));
}

/**
 * Throws 403 `AUTH.FORBIDDEN` unless the officer is posted at `gate` and is of an `allowed` agency (or a
 * supervisor). `action` completes the message: "Customs officers cannot <action>".
 */
export function assertOfficerMay(
  officer: AuthenticatedOfficer,
  gate: string,
  allowed: readonly Agency[],
  action = 'do this',
): void {
  if (!postedAt(officer, gate)) throw new DomainError('AUTH.FORBIDDEN', `You are not posted at ${gate}`, { gate });
  if (officer.agency !== 'supervisor' && !allowed.includes(officer.agency)) {
    throw new DomainError('AUTH.FORBIDDEN', `${AGENCY_NAMES[officer.agency]} officers cannot ${action}`, {
      agency: officer.agency,
      allowed: [...allowed],
    });
  }
}

export function isSupervisorOf(officer: AuthenticatedOfficer, gate: string): boolean {
  return officer.agency === 'supervisor' && postedAt(officer, gate);
}
