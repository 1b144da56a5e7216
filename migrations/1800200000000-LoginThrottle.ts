import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling that cannot be turned against the people it protects.
 *
 * `login_throttle`: one row per client address and per username (of either kind of account, known or not), keyed
 * by a SHA-256 so typed usernames are not kept in the clear. `failures` counts failed logins since
 * `window_started_at`; `blocked_until` is when the next attempt is let through. Counting is one conditional
 * upsert per failure, so concurrent failures from several API processes count exactly.
 *
 * The per-account lock of `officer` and `company_user` (`failed_logins`, `locked_until`) is no longer set.
 */
export class LoginThrottle1800200000000 implements MigrationInterface {
  name = 'LoginThrottle1800200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key text CONSTRAINT login_throttle_pkey PRIMARY KEY,
        scope text NOT NULL CONSTRAINT "CK_login_throttle_scope" CHECK (scope IN ('address', 'account')),
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        last_failure_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_login_throttle_last_failure" ON login_throttle (last_failure_at)`);
    await q.query(`UPDATE officer SET failed_logins = 0, locked_until = NULL WHERE locked_until IS NOT NULL`);
    await q.query(`UPDATE company_user SET failed_logins = 0, locked_until = NULL WHERE locked_until IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
