import type { Job, RepeatOptions } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import type { QueueConfig } from '../../config/config-groups.js';
import { type JobCounters, JobWorker } from './job-worker.js';
import type { JobName, QueueName } from './queue-names.js';
import type { Queues } from './queue.module.js';

const SCHEDULE_RETRY_MS = 30_000;

export interface ScheduledJobOptions {
  queue: QueueName;
  job: JobName;
  schedulerId: string;
  repeat: Omit<RepeatOptions, 'key'>;
  /** Completed and failed runs kept in Redis for the dashboard. */
  keep: number;
  /** What the schedule is, for the log line when it cannot be registered. */
  description: string;
  run: () => Promise<string>;
  queues: Queues;
  queueConfig: QueueConfig;
  logger: PinoLogger;
  counters: JobCounters;
}

/**
 * One job on a BullMQ job scheduler, processed one at a time. Every worker process upserts the same scheduler
 * at start, which is idempotent. Not awaited: a worker starting while Redis is down must still start; the
 * schedule is registered when Redis is back (retried every 30 s).
 */
export class ScheduledJob {
  private readonly worker: JobWorker<Record<string, never>>;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: ScheduledJobOptions) {
    this.worker = new JobWorker<Record<string, never>>({
      queue: options.queue,
      redisUrl: options.queueConfig.redisUrl,
      prefix: options.queueConfig.prefix,
      concurrency: 1,
      logger: options.logger,
      counters: options.counters,
      handle: (job) => this.handle(job),
    });
    void this.schedule();
  }

  async close(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await this.worker.close();
  }

  private async schedule(): Promise<void> {
    const { queues, queue, schedulerId, repeat, job, keep, logger, description } = this.options;
    try {
      await queues.get(queue).upsertJobScheduler(schedulerId, repeat, {
        name: job,
        data: {},
        opts: { removeOnComplete: { count: keep }, removeOnFail: { count: keep } },
      });
    } catch (error) {
      logger.warn({ queue, err: error }, `could not register the ${description} schedule; retrying`);
      this.retry = setTimeout(() => void this.schedule(), SCHEDULE_RETRY_MS);
      this.retry.unref();
    }
  }

  private handle(job: Job<Record<string, never>>): Promise<string> {
    if (job.name !== (this.options.job as string)) throw new Error(`unknown ${this.options.queue} job ${job.name}`);
    return this.options.run();
  }
}
