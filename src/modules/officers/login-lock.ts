import type { Sql } from '../../database/sql.js';

/** The tables of people who sign in with a password; each has failed_logins, locked_until and disabled_at. */
export type PasswordAccountTable = 'officer' | 'company_user';

/** What a login needs to decide, read in one statement. */
export interface LoginCandidate {
  id: string;
  passwordHash: string;
  disabled: boolean;
  /** Seconds until the lock ends (at least 1) while the account is locked, else null. */
  lockedForSeconds: number | null;
}

const LOCKED_FOR = `CASE WHEN locked_until > now() THEN greatest(1, ceil(extract(epoch FROM locked_until - now())))::int END`;

/**
 * The failed-login lock shared by officers and company people: the same counting in the same statements, so
 * both kinds of sign-in resist guessing alike. `table` is one of two constants, never input.
 */
export class LoginLock {
  constructor(
    private readonly sql: Sql,
    private readonly table: PasswordAccountTable,
  ) {}

  async candidate(username: string): Promise<LoginCandidate | null> {
    const row = await this.sql.one<{
      id: string;
      password_hash: string;
      disabled: boolean;
      locked_for_seconds: number | null;
    }>(
      `SELECT id, password_hash, disabled_at IS NOT NULL AS disabled, ${LOCKED_FOR} AS locked_for_seconds
         FROM ${this.table} WHERE username = $1`,
      [username.toLowerCase()],
    );
    return row
      ? {
          id: row.id,
          passwordHash: row.password_hash,
          disabled: row.disabled,
          lockedForSeconds: row.locked_for_seconds,
        }
      : null;
  }

  /**
   * Counts one failed login, and locks the account for `lockSeconds` once `maxFailures` failures in a row are
   * reached. One conditional statement, so concurrent failures count exactly and lock exactly once. The count
   * is only reset by a successful login: after a lock ends, the next failure locks again.
   * Returns null when the account was already locked (the failure is not counted).
   */
  async countFailure(
    id: string,
    maxFailures: number,
    lockSeconds: number,
  ): Promise<{ failedLogins: number; lockedForSeconds: number | null } | null> {
    const row = await this.sql.one<{ failed_logins: number; locked_for_seconds: number | null }>(
      `UPDATE ${this.table}
          SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
        RETURNING failed_logins, ${LOCKED_FOR} AS locked_for_seconds`,
      [id, maxFailures, lockSeconds],
    );
    return row ? { failedLogins: row.failed_logins, lockedForSeconds: row.locked_for_seconds } : null;
  }

  /** Seconds until the lock ends, or null when the account is not locked. */
  async lockedForSeconds(id: string): Promise<number | null> {
    const row = await this.sql.one<{ locked_for_seconds: number | null }>(
      `SELECT ${LOCKED_FOR} AS locked_for_seconds FROM ${this.table} WHERE id = $1`,
      [id],
    );
    return row?.locked_for_seconds ?? null;
  }
}

/** Clears the failure count after a correct password, unless locked or disabled meanwhile: the WHERE of it. */
export const LOGIN_STILL_ALLOWED = 'disabled_at IS NULL AND (locked_until IS NULL OR locked_until <= now())';
