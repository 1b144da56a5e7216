import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { OfficersService, type OfficerProfile } from '../officers/officers.service.js';

/** The officer a refresh token was exchanged for, with its replacement. */
export interface RotatedRefreshToken {
  token: string;
  officer: OfficerProfile & { tokenVersion: number };
}

interface UsedRow {
  officer_id: string;
  family_id: string;
  token_version: number;
}

// `bgr_` + 32 random bytes, base64url.
const TOKEN = /^bgr_[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => `bgr_${randomBytes(32).toString('base64url')}`;

const ended = (): DomainError => new DomainError('AUTH.SESSION_EXPIRED', msg('auth.sessionExpired'));

/**
 * Refresh tokens for officers: one family per sign-in, rotated on every use. Using a token that was already
 * used is taken as theft (the thief or the officer holds a copy), and ends the whole family.
 */
@Injectable()
export class OfficerRefreshTokens {
  constructor(
    private readonly sql: Sql,
    private readonly officers: OfficersService,
    @Inject(authConfig.KEY) private readonly authConfig: AuthConfig,
  ) {}

  /** Starts a family for a fresh sign-in; returns its first refresh token. */
  async start(officerId: string, tokenVersion: number): Promise<string> {
    const token = newToken();
    await this.sql.rows(
      `INSERT INTO officer_refresh_token
         (id, officer_id, family_id, token_hash, token_version, idle_expires_at, expires_at)
       VALUES ($1, $2, $1, $3, $4, now() + make_interval(secs => $5), now() + make_interval(secs => $6))`,
      [
        randomUUID(),
        officerId,
        hashOf(token),
        tokenVersion,
        this.authConfig.refreshIdleSeconds,
        this.authConfig.refreshMaxSeconds,
      ],
    );
    return token;
  }

  /**
   * Exchanges a refresh token for its replacement (same family, same absolute end). Throws 401
   * `AUTH.SESSION_EXPIRED` when it is unknown, used, revoked, idle or too old, or the officer's account moved on.
   */
  async rotate(token: string): Promise<RotatedRefreshToken> {
    if (!TOKEN.test(token)) throw ended();
    const hash = hashOf(token);
    const replacement = newToken();
    const replacementId = randomUUID();
    // One statement marks the old token used and inserts its successor: two requests racing with one token cannot
    // both win (the loser finds it used, which ends the family).
    const used = await this.sql.one<UsedRow>(
      `WITH used AS (
         UPDATE officer_refresh_token SET used_at = now(), replaced_by = $2
          WHERE token_hash = $1 AND revoked_at IS NULL AND replaced_by IS NULL
            AND idle_expires_at > now() AND expires_at > now()
          RETURNING officer_id, family_id, token_version, expires_at
       )
       INSERT INTO officer_refresh_token
         (id, officer_id, family_id, token_hash, token_version, idle_expires_at, expires_at)
       SELECT $2, officer_id, family_id, $3, token_version, LEAST(now() + make_interval(secs => $4), expires_at),
              expires_at
         FROM used
       RETURNING officer_id, family_id, token_version`,
      [hash, replacementId, hashOf(replacement), this.authConfig.refreshIdleSeconds],
    );
    if (!used) {
      await this.revokeIfReused(hash);
      throw ended();
    }
    const officer = await this.officers.findActive(used.officer_id, used.token_version);
    if (!officer) {
      await this.revokeFamily(used.family_id);
      throw ended();
    }
    return { officer: { ...officer, tokenVersion: used.token_version }, token: replacement };
  }

  /** Ends the sign-in the token belongs to (every token of its family). Unknown tokens: nothing to end. */
  async revoke(token: string): Promise<void> {
    if (!TOKEN.test(token)) return;
    await this.sql.rows(
      `UPDATE officer_refresh_token SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM officer_refresh_token WHERE token_hash = $1) AND revoked_at IS NULL`,
      [hashOf(token)],
    );
  }

  private async revokeIfReused(hash: string): Promise<void> {
    await this.sql.rows(
      `UPDATE officer_refresh_token SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM officer_refresh_token WHERE token_hash = $1 AND replaced_by IS NOT NULL)
          AND revoked_at IS NULL`,
      [hash],
    );
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.sql.rows(
      'UPDATE officer_refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }
}
