import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { type AuthenticatedCompany, CompaniesService } from './companies.service.js';
import { msg } from '../../common/i18n/message.js';

// An officer access token (three base64url segments) is never a company key: say which credential this takes.
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export type CompanyRequest = FastifyRequest & { company?: AuthenticatedCompany };

/** Requires `Authorization: Bearer <apiKey>` of a company with an unrevoked key. */
@Injectable()
export class CompanyAuthGuard implements CanActivate {
  constructor(private readonly companies: CompaniesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CompanyRequest>();
    const header = request.headers.authorization;
    if (!header) throw new DomainError('AUTH.API_KEY_MISSING', msg('auth.apiKeyMissing'));
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match && !match[1].startsWith('bgk_') && JWT.test(match[1]))
      throw new DomainError('AUTH.WRONG_PRINCIPAL', msg('auth.officerTokenForCompanyEndpoint'));
    const company = match ? await this.companies.authenticate(match[1]) : null;
    if (!company) throw new DomainError('AUTH.API_KEY_INVALID', msg('auth.apiKeyInvalid'));
    request.company = company;
    return true;
  }
}
