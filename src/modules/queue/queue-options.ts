import type { RegisterQueueOptions } from '@nestjs/bullmq';
import type { AppConfig } from '../../config/app-config.js';

/** The settings a queue's options come from. */
export type QueueSettings = Pick<AppConfig, 'queue' | 'screening' | 'webhooks'>;
import { QueueName, queueKeyPrefix } from './queue-names.js';

/** Each queue's own retry settings: attempts, and the first delay of its exponential backoff. */
export function queueRetries(config: QueueSettings): Record<QueueName, { attempts: number; delay: number }> {
  return {
    [QueueName.Screening]: { attempts: config.screening.attempts, delay: config.screening.backoffMs },
    [QueueName.Clearance]: { attempts: 10, delay: config.screening.backoffMs },
    [QueueName.Webhooks]: { attempts: config.webhooks.maxAttempts, delay: config.webhooks.backoffMs },
    [QueueName.Stats]: { attempts: 3, delay: config.screening.backoffMs },
    [QueueName.Maintenance]: { attempts: 3, delay: config.screening.backoffMs },
  };
}

/**
 * What `BullModule.registerQueue` gets for one queue, besides the shared connection: its key prefix (one Redis
 * Cluster slot per queue; producers and processors alike) and its default job options.
 */
export function queueOptions(config: QueueSettings, name: QueueName): RegisterQueueOptions {
  const retry = queueRetries(config)[name];
  return {
    prefix: queueKeyPrefix(config.queue.prefix, name),
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.delay },
      // Bounded history; long enough that a re-added jobId within a day is recognised as a duplicate.
      removeOnComplete: { age: 24 * 3600, count: 50_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  };
}
