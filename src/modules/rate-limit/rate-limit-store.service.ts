import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { withTimeout } from '../../common/with-timeout.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { RedisNotReady } from '../queue/redis.js';
import type { LeaseGrant } from './token-lease.js';

/**
 * One atomic step for every API process: hand out up to ARGV[3] tokens of a window of ARGV[2], never past
 * the limit (the count stays ≤ limit, so tokens held by all processes together never exceed it), and start
 * the window's clock with its first tokens. Returns {granted, count, ttl}.
 */
const LEASE_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local granted = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) - count)
if granted > 0 then
  count = redis.call('INCRBY', KEYS[1], granted)
else
  granted = 0
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
if ttl < 0 then
  ttl = tonumber(ARGV[1])
end
return {granted, count, ttl}`;

// A rate limiter slower than this costs more than it protects: the request goes through unchecked instead.
const LEASE_TIMEOUT_MS = 500;

interface LeaseCommand {
  borderGateRateLimitLease(
    key: string,
    windowMs: number,
    limit: number,
    tokens: number,
  ): Promise<[number, number, number]>;
}

/**
 * Fixed-window request counters in Redis, shared by every API process, under `<QUEUE_PREFIX>:rl:`. The
 * window starts with its first request (the key's TTL), so process clocks never need to agree.
 */
@Injectable()
export class RateLimitStore {
  private readonly redis: Redis & LeaseCommand;
  private readonly prefix: string;

  constructor(@Inject(REDIS_PRODUCER) redis: Redis, @Inject(queueConfig.KEY) queueConfig: QueueConfig) {
    redis.defineCommand('borderGateRateLimitLease', { numberOfKeys: 1, lua: LEASE_SCRIPT }); // EVALSHA, EVAL on NOSCRIPT
    this.redis = redis as Redis & LeaseCommand;
    this.prefix = `${queueConfig.prefix}:rl:`;
  }

  /** Whether Redis is connected; no round trip. */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  /**
   * Takes up to `tokens` requests of `bucket`'s window of `limit`; rejects when Redis is not connected or slow
   * to answer.
   */
  async lease(bucket: string, windowMs: number, limit: number, tokens: number): Promise<LeaseGrant> {
    // Not connected: fail at once instead of queueing the command until the reconnect gives up.
    if (!this.ready) throw new RedisNotReady(this.redis.status);
    const [granted, count, resetMs] = await withTimeout(
      this.redis.borderGateRateLimitLease(`${this.prefix}${bucket}`, windowMs, limit, tokens),
      LEASE_TIMEOUT_MS,
      'rate-limit lease',
    );
    return { granted, count, resetMs };
  }
}
