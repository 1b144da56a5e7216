import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { OfficersService } from '../officers/officers.service.js';
import type { AuthenticatedOfficer } from './officer-access.js';
import { DUMMY_HASH, verifyPassword } from '../officers/password.js';
import { OFFICER_AUDIENCE, TokenService } from './token.service.js';
import { msg } from '../../common/i18n/message.js';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
}

/** 429 `AUTH.TOO_MANY_ATTEMPTS`; the controller turns `retryAfterSeconds` into a Retry-After header. */
export class LoginThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('AUTH.TOO_MANY_ATTEMPTS', msg('auth.tooManyAttempts', { seconds: retryAfterSeconds }), {
      retryAfterSeconds,
    });
    this.name = 'LoginThrottledError';
  }
}

// One answer for an unknown username, a wrong password and a disabled account: none of them tells which.
const loginFailed = (): DomainError => new DomainError('AUTH.LOGIN_FAILED', msg('auth.loginFailed'));

@Injectable()
export class AuthService {
  constructor(
    private readonly officers: OfficersService,
    private readonly tokens: TokenService,
    @Inject(authConfig.KEY) private readonly authConfig: AuthConfig,
  ) {}

  /**
   * Exchanges a username and password for an officer access token. Failures are counted in the database,
   * so the lock holds across API processes; a locked account is refused even with the right password.
   */
  async login(username: string, password: string): Promise<AccessToken> {
    const candidate = await this.officers.findLoginCandidate(username);
    if (!candidate || candidate.disabled) {
      // Spend what a real check spends, so timing does not tell which usernames exist.
      await verifyPassword(password, candidate?.passwordHash ?? DUMMY_HASH);
      throw loginFailed();
    }
    if (candidate.lockedForSeconds !== null) throw new LoginThrottledError(candidate.lockedForSeconds);

    if (!(await verifyPassword(password, candidate.passwordHash))) {
      const counted = await this.officers.recordFailedLogin(
        candidate.id,
        this.authConfig.loginMaxFailures,
        this.authConfig.loginLockSeconds,
      );
      if (!counted) await this.throwIfLocked(candidate.id);
      throw loginFailed();
    }

    const officer = await this.officers.recordSuccessfulLogin(candidate.id);
    if (!officer) {
      // Locked by concurrent failures (or disabled) between the read and now.
      await this.throwIfLocked(candidate.id);
      throw loginFailed();
    }
    return this.issue(officer);
  }

  /** A fresh access token for an officer whose refresh token was just exchanged (OfficerRefreshTokens.rotate). */
  accessTokenFor(officer: AuthenticatedOfficer & { tokenVersion: number }): Promise<AccessToken> {
    return this.issue(officer);
  }

  private async issue(officer: AuthenticatedOfficer & { tokenVersion: number }): Promise<AccessToken> {
    const ttl = this.authConfig.tokenTtlSeconds;
    // `ver`: the account's token version; a password reset or disabling moves it on and so ends this token.
    const accessToken = await this.tokens.sign(
      OFFICER_AUDIENCE,
      { sub: officer.id, agency: officer.agency, gates: officer.gates, ver: officer.tokenVersion },
      ttl,
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }

  private async throwIfLocked(id: string): Promise<void> {
    const seconds = await this.officers.lockedForSeconds(id);
    if (seconds !== null) throw new LoginThrottledError(seconds);
  }
}
