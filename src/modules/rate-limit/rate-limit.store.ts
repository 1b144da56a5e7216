import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { withTimeout } from '../metrics/with-timeout.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';

/** One atomic step for every API process: count the request, start the window's clock on the first one. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

// A rate limiter slower than this costs more than it protects: the request goes through unchecked instead.
const HIT_TIMEOUT_MS = 500;

interface HitCommand {
  borderGateRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
}

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

/**
 * Fixed-window request counters in Redis, shared by every API process, under `<QUEUE_PREFIX>:rl:`. The
 * window starts with its first request (the key's TTL), so process clocks never need to agree.
 */
@Injectable()
export class RateLimitStore {
  private readonly redis: Redis & HitCommand;
  private readonly prefix: string;

  constructor(@Inject(REDIS_PRODUCER) redis: Redis, config: AppConfig) {
    redis.defineCommand('borderGateRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT }); // EVALSHA, EVAL on NOSCRIPT
    this.redis = redis as Redis & HitCommand;
    this.prefix = `${config.QUEUE_PREFIX}:rl:`;
  }

  /** Counts one request against `bucket`; rejects when Redis is not connected or slow to answer. */
  async hit(bucket: string, windowMs: number): Promise<WindowCount> {
    // Not connected: fail at once instead of queueing the command until the reconnect gives up.
    if (this.redis.status !== 'ready') throw new Error(`redis is ${this.redis.status}`);
    const [count, resetMs] = await withTimeout(
      this.redis.borderGateRateLimitHit(`${this.prefix}${bucket}`, windowMs),
      HIT_TIMEOUT_MS,
      'rate-limit counter',
    );
    return { count, resetMs };
  }
}
