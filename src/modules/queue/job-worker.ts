import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PinoLogger } from 'nestjs-pino';
import { runWithJobLogContext } from '../../common/logging/log-context.js';
import { jobMetrics } from '../metrics/process-metrics.js';
import { type QueueName, queueKeyPrefix } from './queue-names.js';
import { createWorkerConnection } from './redis.js';

export interface JobCounters {
  recordCompleted(): void;
  recordFailed(): void;
}

export interface JobWorkerOptions<T> {
  queue: QueueName;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  logger: PinoLogger;
  counters: JobCounters;
  handle: (job: Job<T>) => Promise<string>;
  /** Called once a job has failed its last attempt, to leave the failure visible in PostgreSQL. */
  onFinalFailure?: (job: Job<T>, message: string) => Promise<void>;
}

/** A BullMQ worker with the project's conventions: own blocking connection, one log line per job, final-failure hook. */
export class JobWorker<T> {
  private readonly connection: Redis;
  private readonly worker: Worker<T>;

  constructor(private readonly options: JobWorkerOptions<T>) {
    this.connection = createWorkerConnection(options.redisUrl);
    this.connection.on('error', () => undefined); // ioredis reconnects; the relay and /health report the outage
    this.worker = new Worker<T>(options.queue, (job) => this.process(job), {
      connection: this.connection,
      prefix: queueKeyPrefix(options.prefix, options.queue),
      concurrency: options.concurrency,
    });
    this.worker.on('error', (error) => options.logger.warn({ queue: options.queue, err: error }, 'worker error'));
  }

  process(job: Job<T>): Promise<string> {
    return runWithJobLogContext(this.options.logger, job, () => this.run(job));
  }

  private async run(job: Job<T>): Promise<string> {
    const { logger, counters, handle, onFinalFailure, queue } = this.options;
    const started = Date.now();
    const context = { attempt: job.attemptsMade + 1 }; // queue, job and jobId come from the job's log context
    logger.debug(context, 'job started');
    try {
      const outcome = await handle(job);
      counters.recordCompleted();
      jobMetrics.completed(queue, job.name, Date.now() - started);
      logger.info({ ...context, outcome, durationMs: Date.now() - started }, 'job finished');
      return outcome;
    } catch (error) {
      counters.recordFailed();
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      jobMetrics.failed(queue, job.name, Date.now() - started, final);
      logger.warn({ ...context, final, durationMs: Date.now() - started, err: error }, 'job failed');
      if (final && onFinalFailure) await onFinalFailure(job, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /** Stops taking new jobs (maintenance); jobs already running finish. */
  async pause(): Promise<void> {
    await this.worker.pause();
  }

  async resume(): Promise<void> {
    await this.worker.resume();
  }

  async close(): Promise<void> {
    await this.worker.close();
    this.connection.disconnect();
  }
}
