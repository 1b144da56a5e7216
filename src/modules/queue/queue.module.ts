import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type QueueConfig,
  queueConfig,
  type ScreeningConfig,
  screeningConfig,
  type WebhooksConfig,
  webhooksConfig,
} from '../../config/config-groups.js';
import { QueueName, queueKeyPrefix } from './queue-names.js';
import { createProducerConnection } from './redis.js';

export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');

/** The producer side of every queue, on one fail-fast connection. Workers open their own blocking connections. */
@Injectable()
export class Queues implements OnApplicationShutdown {
  private readonly queues: Map<QueueName, Queue>;

  constructor(
    @Inject(queueConfig.KEY) queueConfig: QueueConfig,
    @Inject(screeningConfig.KEY) screeningConfig: ScreeningConfig,
    @Inject(webhooksConfig.KEY) webhooksConfig: WebhooksConfig,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {
    const retries: Record<QueueName, { attempts: number; delay: number }> = {
      [QueueName.Screening]: { attempts: screeningConfig.attempts, delay: screeningConfig.backoffMs },
      [QueueName.Clearance]: { attempts: 10, delay: screeningConfig.backoffMs },
      [QueueName.Webhooks]: { attempts: webhooksConfig.maxAttempts, delay: webhooksConfig.backoffMs },
      [QueueName.Stats]: { attempts: 3, delay: screeningConfig.backoffMs },
      [QueueName.Maintenance]: { attempts: 3, delay: screeningConfig.backoffMs },
    };
    this.queues = new Map(
      Object.values(QueueName).map((name) => {
        const queue = new Queue(name, {
          connection: redis,
          prefix: queueKeyPrefix(queueConfig.prefix, name),
          skipWaitingForReady: true,
          defaultJobOptions: {
            attempts: retries[name].attempts,
            backoff: { type: 'exponential', delay: retries[name].delay },
            // Bounded history; long enough that a re-added jobId within a day is recognised as a duplicate.
            removeOnComplete: { age: 24 * 3600, count: 50_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        });
        queue.on('error', () => undefined); // surfaced by the relay and /health, which own the reporting
        return [name, queue] as const;
      }),
    );
  }

  get(name: QueueName | string): Queue {
    const queue = this.queues.get(name as QueueName);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close().catch(() => undefined)));
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_PRODUCER,
      inject: [queueConfig.KEY],
      useFactory: (config: QueueConfig): Redis => {
        const redis = createProducerConnection(config.redisUrl);
        redis.on('error', () => undefined); // reconnects on its own; health and the relay report the outage
        return redis;
      },
    },
    Queues,
  ],
  exports: [REDIS_PRODUCER, Queues],
})
export class QueueModule {}
