import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { RATE_LIMIT_WINDOW_MS, type WindowDecision } from './rate-limit.policy.js';
import { isRedisUnavailable } from '../queue/redis.js';
import { failOpenReason } from './fail-open.js';
import { RateLimitStore } from './rate-limit-store.service.js';
import { leaseBlockSize, TokenLease } from './token-lease.js';

interface Bucket {
  lease: TokenLease | null;
  /** The lease call in flight, shared by every request of this bucket that needs it (single flight). */
  renewal: Promise<void> | null;
}

// Distinct clients per process per minute worth remembering; past it the oldest are forgotten, which costs
// their unspent tokens (fewer admitted, never more) and one more lease call.
const BUCKETS_MAX = 20_000;
const BUCKETS_KEPT_AFTER_EVICTION = 15_000;

/**
 * Per-process token leases on the shared Redis windows: a bucket takes a block of its budget from Redis at
 * once and spends it here, so a busy client costs one round trip per block instead of one per request.
 */
@Injectable()
export class RateLimitLeases {
  private readonly buckets = new Map<string, Bucket>();
  private nextSweepAt = 0;
  /** Whether the current run of failed leases was logged (an outage of Redis is logged by RedisOutage instead). */
  private failureLogged = false;

  constructor(
    private readonly store: RateLimitStore,
    @InjectPinoLogger(RateLimitLeases.name) private readonly logger: PinoLogger,
  ) {}

  /**
   * Counts one request of `bucket` against `limit` per window. Rejects when a lease is needed and Redis is
   * not connected, slow or stalled (`failOpenReason` tells which): the caller then lets the request through.
   */
  async take(bucket: string, limit: number): Promise<WindowDecision> {
    for (;;) {
      const now = Date.now();
      const state = this.bucket(bucket, now);
      const decision = state.lease?.take(now);
      // A refusal known here is served without Redis only while Redis is up, so an outage lets everyone through.
      if (decision && (decision.allowed || this.store.ready)) return decision;
      // Ends: each lease either grants tokens (the count climbs to the limit), grants none (refused above), or throws.
      await (state.renewal ??= this.renew(bucket, state, limit));
    }
  }

  /** Buckets held in this process; for tests. */
  get size(): number {
    return this.buckets.size;
  }

  private async renew(bucket: string, state: Bucket, limit: number): Promise<void> {
    try {
      const askedAt = Date.now();
      const grant = await this.store.lease(bucket, RATE_LIMIT_WINDOW_MS, limit, leaseBlockSize(limit));
      state.lease = new TokenLease(limit, grant, askedAt);
      if (this.failureLogged) this.logger.info({ component: 'rate-limit' }, 'rate-limit store reachable again');
      this.failureLogged = false;
    } catch (error) {
      if (!this.failureLogged && !isRedisUnavailable(error)) {
        this.logger.warn(
          { component: 'rate-limit', reason: failOpenReason(error), err: error },
          'rate-limit store not answering in time; requests go through unchecked until it does',
        );
        this.failureLogged = true;
      }
      throw error;
    } finally {
      state.renewal = null;
    }
  }

  private bucket(key: string, now: number): Bucket {
    let state = this.buckets.get(key);
    if (!state) {
      if (this.buckets.size >= BUCKETS_MAX || now >= this.nextSweepAt) this.sweep(now);
      state = { lease: null, renewal: null };
      this.buckets.set(key, state);
    }
    return state;
  }

  /** Forgets buckets whose window is over; then, if still too many, the oldest. At most once a window unless full. */
  private sweep(now: number): void {
    this.nextSweepAt = now + RATE_LIMIT_WINDOW_MS;
    for (const [key, state] of this.buckets) {
      if (!state.renewal && (!state.lease || state.lease.expired(now))) this.buckets.delete(key);
    }
    if (this.buckets.size < BUCKETS_MAX) return;
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= BUCKETS_KEPT_AFTER_EVICTION) break;
      this.buckets.delete(key); // Map order is insertion order: the oldest go first
    }
  }
}
