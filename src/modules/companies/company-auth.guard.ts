import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { type AuthenticatedCompany, CompaniesService } from './companies.service.js';

export type CompanyRequest = FastifyRequest & { company?: AuthenticatedCompany };

/** Requires `Authorization: Bearer <apiKey>` of a company with an unrevoked key. */
@Injectable()
export class CompanyAuthGuard implements CanActivate {
  constructor(private readonly companies: CompaniesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CompanyRequest>();
    const header = request.headers.authorization;
    if (!header) throw new DomainError('AUTH.API_KEY_MISSING', 'Authorization: Bearer <apiKey> is required');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const company = match ? await this.companies.authenticate(match[1]) : null;
    if (!company) throw new DomainError('AUTH.API_KEY_INVALID', 'The API key is not valid or has been revoked');
    request.company = company;
    return true;
  }
}
