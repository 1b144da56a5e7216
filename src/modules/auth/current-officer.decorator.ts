import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedOfficer } from './officer-access.js';
import type { OfficerRequest } from './officer-auth.guard.js';

/** The officer resolved by OfficerAuthGuard. */
export const CurrentOfficer = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedOfficer => {
  const officer = context.switchToHttp().getRequest<OfficerRequest>().officer;
  if (!officer) throw new Error('CurrentOfficer used on a route without OfficerAuthGuard');
  return officer;
});
