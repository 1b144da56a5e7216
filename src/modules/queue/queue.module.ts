import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  type QueueConfig,
  queueConfig,
  type ScreeningConfig,
  screeningConfig,
  type WebhooksConfig,
  webhooksConfig,
} from '../../config/config-groups.js';
import { ProcessorWorker } from './processor-worker.js';
import { QueueName } from './queue-names.js';
import { queueOptions } from './queue-options.js';
import { QueueRegistry } from './queue-registry.service.js';
import { createProducerConnection } from './redis.js';
import { RedisOutage } from './redis-outage.service.js';

export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');

// @nestjs/bullmq builds every processor's worker with this class: see ProcessorWorker for why.
BullModule.workerClass = ProcessorWorker;

/**
 * Redis for producers and probes: one fail-fast connection, made injectable as REDIS_PRODUCER; it and every
 * connection duplicated from it report to RedisOutage.
 */
@Global()
@Module({
  providers: [
    RedisOutage,
    {
      provide: REDIS_PRODUCER,
      inject: [queueConfig.KEY, RedisOutage],
      useFactory: (config: QueueConfig, outage: RedisOutage): Redis =>
        createProducerConnection(config.redisUrl, outage),
    },
  ],
  exports: [REDIS_PRODUCER, RedisOutage],
})
class RedisProducerModule {}

const queues = BullModule.registerQueueAsync(
  ...Object.values(QueueName).map((name) => ({
    name,
    inject: [queueConfig.KEY, screeningConfig.KEY, webhooksConfig.KEY],
    useFactory: (queue: QueueConfig, screening: ScreeningConfig, webhooks: WebhooksConfig) =>
      queueOptions({ queue, screening, webhooks }, name),
  })),
);

/**
 * Every BullMQ queue, registered with @nestjs/bullmq on the producer connection (each with its own key prefix
 * and retry settings, `queue-options.ts`), and `QueueRegistry` over them. Processors are registered only in
 * WorkerModule; their workers open blocking connections of their own (`ProcessorWorker`).
 */
@Global()
@Module({
  imports: [
    RedisProducerModule,
    BullModule.forRootAsync({
      imports: [RedisProducerModule],
      inject: [REDIS_PRODUCER],
      // Queues start without waiting for Redis: the API accepts declarations while it is away.
      useFactory: (redis: Redis) => ({ connection: redis, skipWaitingForReady: true }),
    }),
    queues,
  ],
  providers: [QueueRegistry],
  exports: [RedisProducerModule, queues, QueueRegistry],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    private readonly registry: QueueRegistry,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  /** After the workers (closed in onModuleDestroy): the queues, then their shared connection. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.registry.all().map((queue) => queue.close().catch(() => undefined)));
    this.redis.disconnect();
  }
}
