import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { withTimeout } from '../../common/with-timeout.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { PROBE_TIMEOUT_MS } from './probe.js';
import { errorMessage } from '../../common/errors/error-message.js';

/**
 * The producer connection answers PING. Only `degraded` otherwise: submissions are still accepted and kept in
 * the outbox until Redis is back.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check<const Key extends string>(key: Key) {
    const indicator = this.indicators.check(key);
    const started = Date.now();
    try {
      await withTimeout(this.redis.ping(), PROBE_TIMEOUT_MS, 'redis probe');
      return indicator.up({ ok: true, latencyMs: Date.now() - started });
    } catch (error) {
      return indicator.degraded({ ok: false, error: errorMessage(error) });
    }
  }
}
