import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { isSupervisorOf, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { OFFICER_AUDIENCE, officerTokenVersion, TokenError, TokenService } from '../auth/token.service.js';
import { OfficersService } from '../officers/officers.service.js';
import { readCookie } from '../../common/http/cookie.js';
import { QUEUE_BOARD_COOKIE } from './queue-board.cookie.js';
import { msg } from '../../common/i18n/message.js';

export interface QueueBoardSession {
  officer: AuthenticatedOfficer;
  /** The token's expiry, seconds since the epoch. */
  expiresAt: number;
}

/**
 * Who may open the queue dashboard: a supervisor (of any gate: the queues are shared by both gates) with a
 * valid officer access token. The officer is read again on every request, as OfficerAuthGuard does, so a
 * disabled account or a supervisor moved to another agency loses the dashboard at once.
 */
@Injectable()
export class QueueBoardAuth {
  constructor(
    private readonly tokens: TokenService,
    private readonly officers: OfficersService,
  ) {}

  /** Throws 401 (no, bad or expired token; inactive officer) or 403 (not a supervisor) as DomainErrors. */
  async supervisor(token: string | null): Promise<QueueBoardSession> {
    if (!token) {
      throw new DomainError('AUTH.TOKEN_MISSING', msg('auth.queueBoardTokenMissing'));
    }
    const claims = await this.tokens.verify(OFFICER_AUDIENCE, token);
    const officer = await this.officers.findActive(claims.sub, officerTokenVersion(claims));
    if (!officer) throw new DomainError('AUTH.TOKEN_INVALID', msg('auth.officerInactive'));
    if (!officer.gates.some((gate) => isSupervisorOf(officer, gate))) {
      throw new DomainError('AUTH.FORBIDDEN', msg('auth.queueBoardSupervisorsOnly'), {
        agency: officer.agency,
      });
    }
    return { officer, expiresAt: claims.exp };
  }

  /** The token of a dashboard request: an Authorization bearer header first, else the session cookie. */
  tokenOf(request: FastifyRequest): string | null {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new TokenError('malformed');
      return match[1];
    }
    return readCookie(request.headers.cookie, QUEUE_BOARD_COOKIE);
  }
}
