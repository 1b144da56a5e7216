import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type QueueConfig, queueConfig, type RateLimitConfig, rateLimitConfig } from '../../config/config-groups.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { RedisNotReady } from '../queue/redis.js';
import { ClockOffset } from './clock-offset.js';
import { RateLimitStoreStalled, RateLimitStoreTimeout } from './fail-open.js';
import type { LeaseGrant } from './token-lease.js';

/**
 * One atomic step for every API process: hand out up to ARGV[3] tokens of a window of ARGV[2], never past
 * the limit (the count stays ≤ limit, so tokens held by all processes together never exceed it), and start
 * the window's clock with its first tokens. Returns {granted, count, ttl, now}.
 * ARGV[4] is the caller's deadline on Redis's clock: a call run after it (queued behind a stall, its caller
 * long gone unchecked) counts nothing and returns granted = -1, so a stall never replays as a burst.
 */
const LEASE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if now > tonumber(ARGV[4]) then
  return {-1, 0, 0, now}
end
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
return {granted, count, ttl, now}`;

interface LeaseCommand {
  borderGateRateLimitLease(
    key: string,
    windowMs: number,
    limit: number,
    tokens: number,
    deadline: number,
  ): Promise<[number, number, number, number]>;
}

/**
 * Fixed-window request counters in Redis, shared by every API process, under `<QUEUE_PREFIX>:rl:`. The
 * window starts with its first request (the key's TTL), so process clocks never need to agree.
 *
 * Every call is bounded by RATE_LIMIT_REDIS_TIMEOUT_MS. While a call is unanswered past it (Redis stalled),
 * further calls fail at once instead of piling up behind it; the first answer ends the stall.
 */
@Injectable()
export class RateLimitStore {
  private readonly redis: Redis & LeaseCommand;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly redisClock = new ClockOffset();
  /** Calls that timed out and have not settled yet. */
  private overdue = 0;

  constructor(
    @Inject(REDIS_PRODUCER) redis: Redis,
    @Inject(queueConfig.KEY) queueConfig: QueueConfig,
    @Inject(rateLimitConfig.KEY) rateLimitConfig: RateLimitConfig,
  ) {
    redis.defineCommand('borderGateRateLimitLease', { numberOfKeys: 1, lua: LEASE_SCRIPT }); // EVALSHA, EVAL on NOSCRIPT
    this.redis = redis as Redis & LeaseCommand;
    this.prefix = `${queueConfig.prefix}:rl:`;
    this.timeoutMs = rateLimitConfig.redisTimeoutMs;
  }

  /** Whether Redis is connected; no round trip. */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  /**
   * Takes up to `tokens` requests of `bucket`'s window of `limit`. Rejects when Redis is not connected
   * (RedisNotReady), does not answer in time (RateLimitStoreTimeout: the call then counts nothing, even if
   * Redis runs it later) or is still stalled on an earlier call (RateLimitStoreStalled).
   */
  async lease(bucket: string, windowMs: number, limit: number, tokens: number): Promise<LeaseGrant> {
    // Not connected: fail at once instead of queueing the command until the reconnect gives up.
    if (!this.ready) throw new RedisNotReady(this.redis.status);
    if (this.overdue > 0) throw new RateLimitStoreStalled();
    const giveUpAt = Date.now() + this.timeoutMs;
    if (!this.redisClock.known) await this.readRedisClock(giveUpAt);

    const sentAt = Date.now();
    const [granted, count, resetMs, redisNow] = await this.bounded(
      this.redis.borderGateRateLimitLease(
        `${this.prefix}${bucket}`,
        windowMs,
        limit,
        tokens,
        // A little before giving up, so an answer still on its way back when the caller gives up counted nothing.
        this.redisClock.toRemote(giveUpAt - Math.floor(this.timeoutMs / 5)),
      ),
      giveUpAt,
    );
    const receivedAt = Date.now();
    if (granted < 0) {
      // Answered in time yet refused as late: the clock estimate is off (a clock was stepped); learn it anew.
      this.redisClock.reset();
      this.redisClock.observe(sentAt, receivedAt, redisNow);
      throw new RateLimitStoreTimeout(this.timeoutMs);
    }
    this.redisClock.observe(sentAt, receivedAt, redisNow);
    return { granted, count, resetMs };
  }

  private async readRedisClock(giveUpAt: number): Promise<void> {
    const sentAt = Date.now();
    const [seconds, micros] = await this.bounded(this.redis.time(), giveUpAt);
    this.redisClock.observe(sentAt, Date.now(), Number(seconds) * 1000 + Math.floor(Number(micros) / 1000));
  }

  /** `command`'s answer, or RateLimitStoreTimeout at `giveUpAt`; a command timed out counts as overdue until it settles. */
  private bounded<T>(command: Promise<T>, giveUpAt: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          this.overdue += 1;
          const settle = (): void => {
            this.overdue -= 1;
          };
          command.then(settle, settle);
          reject(new RateLimitStoreTimeout(this.timeoutMs));
        },
        Math.max(0, giveUpAt - Date.now()),
      );
      timer.unref();
    });
    return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
  }
}
