import { createHash } from 'node:crypto';
import type { Sql } from '../../database/sql.js';

/** Whose failures a row counts: one client address (all usernames), or one username (known or not). */
export type ThrottleScope = 'address' | 'account';

/** How many failed logins are let through, and how long the rest wait. */
export interface LoginLimits {
  /** Failed logins one address may make in a window, across all usernames, before it waits for the window's end. */
  addressMaxFailures: number;
  addressWindowSeconds: number;
  /** Failed logins in a row a username may have before each further attempt waits 2^(n − this) seconds… */
  accountFreeFailures: number;
  /** …but never longer than this. */
  accountMaxDelaySeconds: number;
}

/** A username's failures are forgotten a day after the last one. */
export const ACCOUNT_FORGET_SECONDS = 86_400;

export interface ThrottleKeys {
  address: string;
  account: string;
}

/** LoginThrottle.keys(kind, …).account in SQL, for a column of (lower-cased) usernames. `kind` is a constant. */
export const accountKeySql = (kind: string, usernameColumn: string): string =>
  `encode(sha256(convert_to('${kind}:' || ${usernameColumn}, 'UTF8')), 'hex')`;

/** The waits that apply to an attempt right now, in seconds (null: none). */
export interface ThrottleState {
  address: number | null;
  account: number | null;
}

const WAIT = `CASE WHEN blocked_until > now() THEN greatest(1, ceil(extract(epoch FROM blocked_until - now())))::int END`;
// Whether a row's count has run out: the address's window has passed, or the username has not failed for a day.
// In ON CONFLICT's SET every `t.` is the row before this failure.
const STALE = `CASE t.scope WHEN 'address' THEN t.window_started_at <= now() - make_interval(secs => $4)
                              ELSE t.last_failure_at <= now() - make_interval(secs => $7) END`;
const FAILURES = `(CASE WHEN ${STALE} THEN 1 ELSE t.failures + 1 END)`;
const WINDOW_START = `(CASE WHEN ${STALE} THEN now() ELSE t.window_started_at END)`;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Failed-login counting in PostgreSQL, the source of truth even while Redis is away. Rows are keyed by hashes of
 * the address and of `<kind>:<username>`, whether or not such an account exists, so the answers for unknown and
 * known usernames cannot differ.
 */
export class LoginThrottle {
  constructor(private readonly sql: Sql) {}

  static keys(kind: string, username: string, addressBucket: string): ThrottleKeys {
    return { address: sha256(`address:${addressBucket}`), account: sha256(`${kind}:${username.toLowerCase()}`) };
  }

  async state(keys: ThrottleKeys): Promise<ThrottleState> {
    const rows = await this.sql.rows<{ scope: ThrottleScope; wait: number | null }>(
      `SELECT scope, ${WAIT} AS wait FROM login_throttle WHERE key IN ($1, $2)`,
      [keys.address, keys.account],
    );
    const wait = (scope: ThrottleScope) => rows.find((row) => row.scope === scope)?.wait ?? null;
    return { address: wait('address'), account: wait('account') };
  }

  /**
   * Counts one failed login against the address and the username in one statement. The address counts in a fixed
   * window and waits for its end once over the limit; the username waits 2^(failures − free) seconds (capped) after
   * each failure past the free ones. Returns the waits that now apply.
   */
  async countFailure(keys: ThrottleKeys, limits: LoginLimits): Promise<ThrottleState> {
    const rows = await this.sql.rows<{ scope: ThrottleScope; wait: number | null }>(
      `WITH input (key, scope) AS (VALUES ($1::text, 'address'::text), ($2::text, 'account'::text))
       INSERT INTO login_throttle AS t (key, scope, failures, window_started_at, last_failure_at, blocked_until)
       SELECT key, scope, 1, now(), now(), CASE
                WHEN scope = 'address' AND $3 <= 1 THEN now() + make_interval(secs => $4)
                WHEN scope = 'account' AND $5 <= 1 THEN now() + make_interval(secs => least($6, 2))
              END
         FROM input
       ON CONFLICT (key) DO UPDATE SET
         failures = ${FAILURES},
         window_started_at = ${WINDOW_START},
         last_failure_at = now(),
         blocked_until = CASE
           WHEN t.scope = 'address' AND ${FAILURES} >= $3 THEN ${WINDOW_START} + make_interval(secs => $4)
           WHEN t.scope = 'account' AND ${FAILURES} >= $5
             THEN now() + make_interval(secs => least($6, power(2, least(${FAILURES} - $5 + 1, 30))))
         END
       RETURNING t.scope, ${WAIT.replaceAll('blocked_until', 't.blocked_until')} AS wait`,
      [
        keys.address,
        keys.account,
        limits.addressMaxFailures,
        limits.addressWindowSeconds,
        limits.accountFreeFailures,
        limits.accountMaxDelaySeconds,
        ACCOUNT_FORGET_SECONDS,
      ],
    );
    const wait = (scope: ThrottleScope) => rows.find((row) => row.scope === scope)?.wait ?? null;
    return { address: wait('address'), account: wait('account') };
  }

  /**
   * After a correct password: forgets the username's failures (not the address's) and returns null, unless the
   * username began waiting while the password was being checked and this browser is not known for it: then the
   * wait in seconds, and nothing is forgotten. So guesses sent all at once gain nothing past the free failures.
   */
  async clearAccount(keys: ThrottleKeys, knownDevice: boolean): Promise<number | null> {
    const row = await this.sql.one<{ wait: number | null }>(
      `WITH waiting AS (SELECT ${WAIT} AS wait FROM login_throttle WHERE key = $1 AND blocked_until > now() AND NOT $2),
            gone AS (DELETE FROM login_throttle WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM waiting))
       SELECT (SELECT wait FROM waiting) AS wait`,
      [keys.account, knownDevice],
    );
    return row?.wait ?? null;
  }

  /** Deletes up to `batch` rows whose last failure is older than any window: they no longer hold anything back. */
  async purgeOld(batch: number, addressWindowSeconds: number): Promise<number> {
    const row = await this.sql.one<{ n: number }>(
      `WITH gone AS (
         DELETE FROM login_throttle WHERE key IN (
           SELECT key FROM login_throttle
            WHERE last_failure_at < now() - make_interval(secs => greatest($1::int, $2::int))
              AND (blocked_until IS NULL OR blocked_until < now())
            LIMIT $3)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [ACCOUNT_FORGET_SECONDS, addressWindowSeconds, batch],
    );
    return row!.n;
  }
}
