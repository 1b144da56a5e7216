import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import type { Actor } from '../declarations/audit.js';

export function officerActor(officer: AuthenticatedOfficer): Actor {
  return { ref: `officer:${officer.id}`, agency: officer.agency };
}
