import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { CompaniesService } from './companies.service.js';
import type { AuthenticatedCompany, CompanyRole } from './company-principal.js';
import { COMPANY_ROLES } from './company-roles.decorator.js';
import { companySessionToken, fromOwnOrigin } from './company-session.cookie.js';
import { CompanySessionsService } from './company-sessions.service.js';

// An officer access token (three base64url segments) is never a company key: say which credential this takes.
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CompanyRequest = FastifyRequest & { company?: AuthenticatedCompany };

const csrfRefused = (): DomainError => new DomainError('AUTH.CSRF', msg('auth.csrf'));

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one door to company routes. Either `Authorization: Bearer <apiKey>` (a machine: role `api_key`), or the
 * company portal's session cookie (a person: `admin` or `clerk`). A cookie is sent by the browser on its own, so
 * with it an unsafe request must also carry the session's `X-CSRF-Token`, and an Origin header, if any, must be
 * this service's. Then the route's roles (@CompanyRoles; none: administrators only) decide.
 */
@Injectable()
export class CompanyAuthGuard implements CanActivate {
  constructor(
    private readonly companies: CompaniesService,
    private readonly sessions: CompanySessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CompanyRequest>();
    const principal = request.headers.authorization
      ? await this.byApiKey(request.headers.authorization)
      : await this.bySession(request);
    const allowed = this.reflector.getAllAndOverride<CompanyRole[] | undefined>(COMPANY_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]) ?? ['admin'];
    if (!allowed.includes(principal.role))
      throw new DomainError(
        'AUTH.FORBIDDEN',
        principal.role === 'api_key' ? msg('auth.apiKeyCannotManage') : msg('auth.companyAdminsOnly'),
      );
    request.company = principal;
    return true;
  }

  private async byApiKey(header: string): Promise<AuthenticatedCompany> {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match && !match[1].startsWith('bgk_') && JWT.test(match[1]))
      throw new DomainError('AUTH.WRONG_PRINCIPAL', msg('auth.officerTokenForCompanyEndpoint'));
    const company = match ? await this.companies.authenticate(match[1]) : null;
    if (!company) throw new DomainError('AUTH.API_KEY_INVALID', msg('auth.apiKeyInvalid'));
    return company;
  }

  private async bySession(request: FastifyRequest): Promise<AuthenticatedCompany> {
    const token = companySessionToken(request);
    if (!token) throw new DomainError('AUTH.API_KEY_MISSING', msg('auth.apiKeyMissing'));
    const unsafe = !SAFE_METHODS.has(request.method);
    // Checked before the session is touched: a forged request from another site costs no write.
    if (unsafe && !fromOwnOrigin(request)) throw csrfRefused();
    const session = await this.sessions.resume(token);
    if (!session) throw new DomainError('AUTH.SESSION_EXPIRED', msg('auth.sessionExpired'));
    if (unsafe && !sameToken(request.headers['x-csrf-token'], session.csrfToken)) throw csrfRefused();
    return session.principal;
  }
}
