import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { LoginFailedError } from '../officers/login-errors.js';
import type { LoginClient } from '../officers/login-lock.js';
import { loginLimitsOf } from '../officers/login-answers.js';
import type { AuthenticatedCompany, CompanyUserRole } from './company-principal.js';
import { CompanyUsersService } from './company-users.service.js';

/** A signed-in person as the portal shows them, with the token its unsafe requests carry in `X-CSRF-Token`. */
export interface CompanySessionView {
  user: { id: string; username: string; role: CompanyUserRole; companyId: string; companyName: string };
  csrfToken: string;
}

/** A session resumed by a request: who it is and what the portal must send back. */
export interface ResumedCompanySession extends CompanySessionView {
  principal: AuthenticatedCompany;
}

interface SessionRow {
  csrf_token: string;
  user_id: string;
  username: string;
  role: CompanyUserRole;
  company_id: string;
  company_name: string;
}

// 32 random bytes, base64url: the cookie's value. The table keeps only its SHA-256, so a read of the table signs
// nobody in.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const sessionId = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Longer than the longest lifetime COMPANY_SESSION_MAX_SECONDS allows (30 days). */
export const COMPANY_SESSION_KEEP_DAYS = 31;

function toView(row: SessionRow): ResumedCompanySession {
  return {
    user: {
      id: row.user_id,
      username: row.username,
      role: row.role,
      companyId: row.company_id,
      companyName: row.company_name,
    },
    csrfToken: row.csrf_token,
    principal: {
      companyId: row.company_id,
      keyPrefix: null,
      userId: row.user_id,
      username: row.username,
      role: row.role,
    },
  };
}

/**
 * Company portal sign-ins. A session is valid while not ended, used within COMPANY_SESSION_IDLE_SECONDS, younger
 * than COMPANY_SESSION_MAX_SECONDS and its person is enabled: one conditional UPDATE per request decides all of
 * that and records the use, so two requests at once cannot disagree about it.
 */
@Injectable()
export class CompanySessionsService {
  constructor(
    private readonly users: CompanyUsersService,
    private readonly sql: Sql,
    @Inject(authConfig.KEY) private readonly authConfig: AuthConfig,
  ) {}

  /**
   * Signs a person in: a new session, its token (for the cookie, never stored) and what the portal shows. The
   * officers' rules (LoginLock.check): one answer for unknown, wrong and disabled; waits after repeated failures.
   */
  async login(
    username: string,
    password: string,
    client: LoginClient,
  ): Promise<{ token: string; session: CompanySessionView }> {
    const id = await this.users.checkLogin(username, password, client, loginLimitsOf(this.authConfig));

    const token = randomBytes(32).toString('base64url');
    const row = await this.sql.one<SessionRow>(
      `WITH s AS (
         INSERT INTO company_session (id, user_id, company_id, csrf_token)
         SELECT $1, u.id, u.company_id, $3 FROM company_user u WHERE u.id = $2 AND u.disabled_at IS NULL
         RETURNING csrf_token, user_id, company_id)
       SELECT s.csrf_token, s.user_id, u.username, u.role, s.company_id, c.name AS company_name
         FROM s JOIN company_user u ON u.id = s.user_id JOIN company c ON c.id = s.company_id`,
      [sessionId(token), id, randomBytes(32).toString('base64url')],
    );
    if (!row) throw new LoginFailedError(); // disabled between the check and now
    const { user, csrfToken } = toView(row);
    return { token, session: { user, csrfToken } };
  }

  /** The session of this cookie token if it is still valid, recording this use; null otherwise. One statement. */
  async resume(token: string): Promise<ResumedCompanySession | null> {
    if (!TOKEN.test(token)) return null;
    const row = await this.sql.one<SessionRow>(
      {
        name: 'company-session-resume',
        text: `UPDATE company_session s SET last_seen_at = now()
                 FROM company_user u, company c
                WHERE s.id = $1 AND s.ended_at IS NULL
                  AND s.last_seen_at > now() - make_interval(secs => $2)
                  AND s.created_at > now() - make_interval(secs => $3)
                  AND u.id = s.user_id AND u.disabled_at IS NULL AND c.id = s.company_id
                RETURNING s.csrf_token, u.id AS user_id, u.username, u.role, c.id AS company_id, c.name AS company_name`,
      },
      [sessionId(token), this.authConfig.companySessionIdleSeconds, this.authConfig.companySessionMaxSeconds],
    );
    return row && toView(row);
  }

  /**
   * The company of a session that has not ended, without recording a use (the rate limiter's question, asked
   * before the guard resumes the session); null otherwise.
   */
  async companyOf(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const row = await this.sql.one<{ company_id: string }>(
      'SELECT company_id FROM company_session WHERE id = $1 AND ended_at IS NULL',
      [sessionId(token)],
    );
    return row?.company_id ?? null;
  }

  /** Ends the session of this cookie token (signing out); unknown or already ended: nothing happens. */
  async end(token: string): Promise<void> {
    if (!TOKEN.test(token)) return;
    await this.sql.rows('UPDATE company_session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [
      sessionId(token),
    ]);
  }

  /**
   * Deletes up to `batch` sign-ins that began more than COMPANY_SESSION_KEEP_DAYS ago: past any lifetime, kept a
   * while only to tell who was signed in when. Returns how many went.
   */
  async purgeOld(batch: number): Promise<number> {
    const row = await this.sql.one<{ n: number }>(
      `WITH gone AS (
         DELETE FROM company_session WHERE ctid IN (
           SELECT ctid FROM company_session WHERE created_at < now() - make_interval(days => $1) LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [COMPANY_SESSION_KEEP_DAYS, batch],
    );
    return row!.n;
  }
}
