import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { RedisOutageTracker, redisTarget } from './redis-outage-tracker.js';
import type { RedisWatcher } from './redis.js';

/**
 * The one place this process's Redis connections report to (the producer, every worker's own and blocking
 * connections, the live-update subscriber), so that an outage reads as three kinds of line in the log, not one
 * per connection and reconnect attempt (`RedisOutageTracker`). Also what /metrics counts outages from.
 */
@Injectable()
export class RedisOutage implements RedisWatcher, OnApplicationShutdown {
  private readonly tracker: RedisOutageTracker;

  constructor(@Inject(queueConfig.KEY) config: QueueConfig, @InjectPinoLogger(RedisOutage.name) logger: PinoLogger) {
    this.tracker = new RedisOutageTracker(redisTarget(config.redisUrl), logger);
  }

  /** Reports `client`'s failures, reconnects and readiness; also its 'error' listener (ioredis prints unheard ones). */
  watch(client: Redis): void {
    client.on('error', (error: unknown) => this.tracker.failed(client, error));
    client.on('reconnecting', () => this.tracker.reconnecting());
    client.on('ready', () => this.tracker.ready(client));
    client.on('end', () => this.tracker.closed(client));
  }

  get unreachable(): boolean {
    return this.tracker.unreachable;
  }

  get outages(): number {
    return this.tracker.outages;
  }

  unreachableSeconds(): number {
    return this.tracker.unreachableSeconds();
  }

  onApplicationShutdown(): void {
    this.tracker.stop();
  }
}
