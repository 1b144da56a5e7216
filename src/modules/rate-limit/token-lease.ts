import type { WindowDecision } from './rate-limit.policy.js';

/** What the lease script answered for one bucket. */
export interface LeaseGrant {
  /** Tokens given to this process: requests it may admit without asking Redis again. 0 when the window is spent. */
  granted: number;
  /** The window's count in Redis after the grant: every token handed out so far, to any process. */
  count: number;
  /** Milliseconds until the window's key expires. */
  resetMs: number;
}

const BLOCK_FRACTION = 20;
const BLOCK_MAX = 50;

/**
 * Tokens one lease asks for: a twentieth of the limit, at least 1, at most 50. Redis never grants past the
 * limit, so the block bounds what one process may hold unspent (requests other processes then refuse), not
 * how many are admitted; a limit under 40 gets blocks of 1, which is the old per-request count exactly.
 */
export function leaseBlockSize(limit: number): number {
  return Math.min(BLOCK_MAX, Math.max(1, Math.floor(limit / BLOCK_FRACTION)));
}

/**
 * One process's share of one bucket's window, spent locally. Pure: the caller passes the clock.
 * Remaining = what Redis had left at the lease plus the tokens still held here; other processes may have
 * taken some since, so it is approximate by up to one block per other process.
 */
export class TokenLease {
  private tokens: number;
  private readonly poolLeft: number;
  private readonly deadline: number;

  /**
   * `askedAt` is when the lease call was sent, not when it came back: Redis read the TTL after that instant,
   * so the local deadline falls at or before the key's expiry and tokens never outlive their window.
   */
  constructor(limit: number, grant: LeaseGrant, askedAt: number) {
    this.tokens = grant.granted;
    this.poolLeft = Math.max(0, limit - grant.count);
    this.deadline = askedAt + grant.resetMs;
  }

  /**
   * The verdict for one request at `now`, spending a token when it is allowed; null when only Redis can
   * answer: the window is over, or the tokens here are spent while Redis still has some.
   */
  take(now: number): WindowDecision | null {
    if (this.expired(now)) return null;
    const resetMs = this.deadline - now;
    if (this.tokens > 0) {
      this.tokens -= 1;
      return { allowed: true, remaining: this.poolLeft + this.tokens, resetMs };
    }
    // Redis had nothing left and a window's count only grows: refused until the window ends, in every process.
    if (this.poolLeft === 0) return { allowed: false, remaining: 0, resetMs };
    return null;
  }

  expired(now: number): boolean {
    return now >= this.deadline;
  }
}
