import { Inject, Injectable } from '@nestjs/common';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { OfficersService } from '../officers/officers.service.js';
import type { AuthenticatedOfficer } from './officer-access.js';
import { LoginFailedError } from '../officers/login-errors.js';
import { loginLimitsOf } from '../officers/login-answers.js';
import type { LoginClient } from '../officers/login-lock.js';
import { OFFICER_AUDIENCE, TokenService } from './token.service.js';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly officers: OfficersService,
    private readonly tokens: TokenService,
    @Inject(authConfig.KEY) private readonly authConfig: AuthConfig,
  ) {}

  /**
   * Exchanges a username and password for an officer access token. Failures are counted in the database, so
   * the waits hold across API processes (LoginLock.check).
   */
  async login(username: string, password: string, client: LoginClient): Promise<AccessToken> {
    const id = await this.officers.checkLogin(username, password, client, loginLimitsOf(this.authConfig));
    const officer = await this.officers.recordSuccessfulLogin(id);
    if (!officer) throw new LoginFailedError(); // disabled between the check and now
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
}
