import type { RegisterQueueOptions } from '@nestjs/bullmq';
import type { AppConfig } from '../../config/app-config.js';
import { QueueName, queueKeyPrefix } from './queue-names.js';

/** Each queue's own retry settings: attempts, and the first delay of its exponential backoff. */
export function queueRetries(config: AppConfig): Record<QueueName, { attempts: number; delay: number }> {
  return {
    [QueueName.Screening]: { attempts: config.SCREENING_ATTEMPTS, delay: config.SCREENING_BACKOFF_MS },
    [QueueName.Clearance]: { attempts: 10, delay: config.SCREENING_BACKOFF_MS },
    [QueueName.Webhooks]: { attempts: config.WEBHOOK_MAX_ATTEMPTS, delay: config.WEBHOOK_BACKOFF_MS },
    [QueueName.Stats]: { attempts: 3, delay: config.SCREENING_BACKOFF_MS },
    [QueueName.Maintenance]: { attempts: 3, delay: config.SCREENING_BACKOFF_MS },
  };
}

/**
 * What `BullModule.registerQueue` gets for one queue, besides the shared connection: its key prefix (one Redis
 * Cluster slot per queue; producers and processors alike) and its default job options.
 */
export function queueOptions(config: AppConfig, name: QueueName): RegisterQueueOptions {
  const retry = queueRetries(config)[name];
  return {
    prefix: queueKeyPrefix(config.QUEUE_PREFIX, name),
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.delay },
      // Bounded history; long enough that a re-added jobId within a day is recognised as a duplicate.
      removeOnComplete: { age: 24 * 3600, count: 50_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  };
}
