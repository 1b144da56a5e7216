import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedCompany } from './companies.service.js';
import type { CompanyRequest } from './company-auth.guard.js';

/** The company resolved by CompanyAuthGuard. */
export const CurrentCompany = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedCompany => {
  const company = context.switchToHttp().getRequest<CompanyRequest>().company;
  if (!company) throw new Error('CurrentCompany used on a route without CompanyAuthGuard');
  return company;
});
