import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { QueueName } from './queue-names.js';
import { createProducerConnection } from './redis.js';

export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');
export const SCREENING_QUEUE = Symbol('SCREENING_QUEUE');

/** Redis for producing jobs and for health probes. Workers open their own blocking connections. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_PRODUCER,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Redis => {
        const redis = createProducerConnection(config.REDIS_URL);
        redis.on('error', () => undefined); // reconnects on its own; health and the relay report the outage
        return redis;
      },
    },
    {
      provide: SCREENING_QUEUE,
      inject: [AppConfig, REDIS_PRODUCER],
      useFactory: (config: AppConfig, redis: Redis): Queue => {
        const queue = new Queue(QueueName.Screening, {
          connection: redis,
          prefix: config.QUEUE_PREFIX,
          skipWaitingForReady: true,
          defaultJobOptions: {
            attempts: config.SCREENING_ATTEMPTS,
            backoff: { type: 'exponential', delay: config.SCREENING_BACKOFF_MS },
            // Bounded history; long enough that a re-added jobId within a day is recognised as a duplicate.
            removeOnComplete: { age: 24 * 3600, count: 50_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        });
        queue.on('error', () => undefined); // surfaced by the relay and /health, which own the reporting
        return queue;
      },
    },
  ],
  exports: [REDIS_PRODUCER, SCREENING_QUEUE],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    @Inject(SCREENING_QUEUE) private readonly screeningQueue: Queue,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.screeningQueue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
