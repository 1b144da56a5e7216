import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { OfficersService } from '../officers/officers.service.js';
import type { AuthenticatedOfficer } from './officer-access.js';
import { OFFICER_AUDIENCE, officerTokenVersion, TokenError, TokenService } from './token.service.js';
import { msg } from '../../common/i18n/message.js';

export type OfficerRequest = FastifyRequest & { officer?: AuthenticatedOfficer };

/**
 * Requires `Authorization: Bearer <officer access token>`. The officer is read again on every request (one
 * primary-key lookup), so disabling an officer or changing their posting takes effect at once.
 */
@Injectable()
export class OfficerAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly officers: OfficersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OfficerRequest>();
    const header = request.headers.authorization;
    if (!header) throw new DomainError('AUTH.TOKEN_MISSING', msg('auth.tokenMissing'));
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new TokenError('malformed');
    if (match[1].startsWith('bgk_'))
      throw new DomainError('AUTH.WRONG_PRINCIPAL', msg('auth.companyKeyForOfficerEndpoint'));
    const claims = await this.tokens.verify(OFFICER_AUDIENCE, match[1]);
    const officer = await this.officers.findActive(claims.sub, officerTokenVersion(claims));
    if (!officer) throw new DomainError('AUTH.TOKEN_INVALID', msg('auth.officerInactive'));
    request.officer = officer;
    return true;
  }
}
