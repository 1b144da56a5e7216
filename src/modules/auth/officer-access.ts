import { DomainError } from '../../common/errors/domain-error.js';
import { type Message, msg } from '../../common/i18n/message.js';
import type { Agency } from '../officers/agency.js';
import type { OfficerProfile } from '../officers/officers.service.js';

/** The officer behind a request, `{id, username, agency, gates}`, as OfficerAuthGuard read them for this request. */
export type AuthenticatedOfficer = OfficerProfile;

function postedAt(officer: AuthenticatedOfficer, gate: string): boolean {
  return (officer.gates as readonly string[]).includes(gate);
}

/** Whether the officer may act at `gate` as one of `allowed`; a supervisor of the gate may do what any agency may. */
export function officerMay(officer: AuthenticatedOfficer, gate: string, allowed: readonly Agency[]): boolean {
  return postedAt(officer, gate) && (officer.agency === 'supervisor' || allowed.includes(officer.agency));
}

/**
 * Throws 403 `AUTH.FORBIDDEN` unless the officer is posted at `gate` and is of an `allowed` agency (or a
 * supervisor). `action` completes the message: "Customs officers cannot <action>; this is for: …", and
 * `details.allowed` lists who may, the gate supervisor always among them.
 */
export function assertOfficerMay(
  officer: AuthenticatedOfficer,
  gate: string,
  allowed: readonly Agency[],
  action: Message = msg('action.default'),
): void {
  if (!postedAt(officer, gate)) throw new DomainError('AUTH.FORBIDDEN', msg('auth.notPosted', { gate }), { gate });
  if (officer.agency !== 'supervisor' && !allowed.includes(officer.agency)) {
    const mayAct = [...allowed.filter((agency) => agency !== 'supervisor'), 'supervisor' as const];
    throw new DomainError(
      'AUTH.FORBIDDEN',
      msg('auth.agencyCannot', { agency: officer.agency, action, allowed: mayAct }),
      {
        agency: officer.agency,
        allowed: mayAct,
      },
    );
  }
}

export function isSupervisorOf(officer: AuthenticatedOfficer, gate: string): boolean {
  return officer.agency === 'supervisor' && postedAt(officer, gate);
}
