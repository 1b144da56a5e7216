import { SetMetadata } from '@nestjs/common';
import type { CompanyRole } from './company-principal.js';

export const COMPANY_ROLES = 'companyRoles';

/** Who may call a company route (CompanyAuthGuard checks it); a route without it is for administrators only. */
export const CompanyRoles = (...roles: CompanyRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(COMPANY_ROLES, roles);
