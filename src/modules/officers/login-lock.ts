import type { Sql } from '../../database/sql.js';
import { LoginFailedError, LoginThrottledError } from './login-errors.js';
import { type LoginLimits, LoginThrottle, type ThrottleScope } from './login-throttle.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password.js';

/** The tables of people who sign in with a password; each has username, password_hash and disabled_at. */
export type PasswordAccountTable = 'officer' | 'company_user';

/** Where a login comes from, as far as throttling cares. */
export interface LoginClient {
  /** The client's address bucket (an IPv6 address counts as its /64). */
  address: string;
  /** Whether this browser's known-device cookie vouches for the username. */
  knownDevice: boolean;
}

/**
 * The sign-in check shared by officers and company people: the same throttling in the same statements, so both
 * kinds of sign-in resist guessing alike. Order matters: waits are checked before any hashing (a throttled guess
 * costs nothing), then the password is verified (against a dummy hash when there is no such enabled account, so
 * that costs the same), then the failure is counted. `table` is one of two constants, never input.
 */
export class LoginLock {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly sql: Sql,
    private readonly table: PasswordAccountTable,
  ) {
    this.throttle = new LoginThrottle(sql);
  }

  /**
   * The id of the enabled account whose password this is. Throws LoginThrottledError (429) while the address
   * waits, or the username waits and this browser is not known for it; LoginFailedError (401) for an unknown
   * username, a wrong password or a disabled account alike; PasswordWorkBusyError (503) when hashing is saturated.
   */
  async check(username: string, password: string, client: LoginClient, limits: LoginLimits): Promise<string> {
    const keys = LoginThrottle.keys(this.table, username, client.address);
    const waits = await this.throttle.state(keys);
    if (waits.address !== null) throw new LoginThrottledError(waits.address, 'address');
    // The person at their usual console passes the username's wait; a stranger spraying guesses does not.
    if (waits.account !== null && !client.knownDevice) throw new LoginThrottledError(waits.account, 'account');

    const account = await this.sql.one<{ id: string; password_hash: string }>(
      `SELECT id, password_hash FROM ${this.table} WHERE username = $1 AND disabled_at IS NULL`,
      [username.toLowerCase()],
    );
    const matches = await verifyPassword(password, account?.password_hash ?? DUMMY_HASH);
    if (!account || !matches) {
      const now = await this.throttle.countFailure(keys, limits);
      const started: ThrottleScope[] = [];
      if (now.address !== null) started.push('address');
      if (now.account !== null) started.push('account');
      throw new LoginFailedError(started);
    }

    const wait = await this.throttle.clearAccount(keys, client.knownDevice);
    if (wait !== null) throw new LoginThrottledError(wait, 'account');
    await this.upgradeHash(account.id, account.password_hash, password);
    return account.id;
  }

  /** Re-hashes a password stored with an older algorithm (once per account: the next login finds argon2id). */
  private async upgradeHash(id: string, stored: string, password: string): Promise<void> {
    if (!needsRehash(stored)) return;
    const upgraded = await hashPassword(password);
    // Only if unchanged meanwhile: a password reset in between wins.
    await this.sql.rows(`UPDATE ${this.table} SET password_hash = $2 WHERE id = $1 AND password_hash = $3`, [
      id,
      upgraded,
      stored,
    ]);
  }

  /** Deletes up to `batch` throttle rows that hold nothing back any more. Returns how many went. */
  purgeOld(batch: number, limits: LoginLimits): Promise<number> {
    return this.throttle.purgeOld(batch, limits.addressWindowSeconds);
  }
}
