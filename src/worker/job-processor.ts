import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ErrorCode, type Job } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import { errorMessage } from '../common/errors/error-message.js';
import { runWithJobLogContext } from '../common/logging/log-context.js';
import { jobMetrics } from '../modules/metrics/process-metrics.js';
import { isRedisUnavailable } from '../modules/queue/redis.js';
import type { WorkerHeartbeat } from './worker-heartbeat.service.js';

/**
 * The one place every job runs: a `@Processor` class extends this and implements `handle`. Each attempt gets
 * a log line (queue, name, id, attempt, outcome, duration), the heartbeat counters and the job metrics; a job
 * that fails its last attempt calls `onFinalFailure`, to leave the failure visible in PostgreSQL.
 *
 * Declare processors with `autorun: false`: the worker starts taking jobs at application bootstrap (after
 * `configure`), and stops in onModuleDestroy, letting running jobs finish before the database closes.
 */
export abstract class JobProcessor<T = unknown> extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  protected constructor(
    private readonly heartbeat: WorkerHeartbeat,
    protected readonly logger: PinoLogger,
  ) {
    super();
  }

  /** Does the job's work; resolves to a short outcome for the log. */
  protected abstract handle(job: Job<T>): Promise<string>;

  /** Called once a job has failed its last attempt. */
  protected onFinalFailure(_job: Job<T>, _message: string): Promise<void> {
    return Promise.resolve();
  }

  /** Worker settings that come from configuration, applied before the worker takes its first job. */
  protected configure(): void {}

  process(job: Job<T>): Promise<string> {
    return runWithJobLogContext(this.logger, job, () => this.runJob(job));
  }

  private async runJob(job: Job<T>): Promise<string> {
    const queue = this.worker.name;
    const started = Date.now();
    const context = { attempt: job.attemptsMade + 1 }; // queue, job and jobId come from the job's log context
    this.logger.debug(context, 'job started');
    try {
      const outcome = await this.handle(job);
      this.heartbeat.recordCompleted();
      jobMetrics.completed(queue, job.name, Date.now() - started);
      this.logger.info({ ...context, outcome, durationMs: Date.now() - started }, 'job finished');
      return outcome;
    } catch (error) {
      this.heartbeat.recordFailed();
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      jobMetrics.failed(queue, job.name, Date.now() - started, final);
      this.logger.warn({ ...context, final, durationMs: Date.now() - started, err: error }, 'job failed');
      if (final) await this.onFinalFailure(job, errorMessage(error));
      throw error;
    }
  }

  onApplicationBootstrap(): void {
    this.configure();
    this.worker.run().catch((error: unknown) => {
      this.logger.error({ queue: this.worker.name, err: error }, 'worker stopped');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.close();
  }

  // BullMQ repeats every error of the worker's connections here; an outage is logged once for the process
  // (RedisOutage). An unheard 'error' event would throw.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (isRedisUnavailable(error)) return;
    if ((error as { code?: unknown }).code === ErrorCode.JobNotExist) {
      // A job that ran through an outage, and Redis came back without it (it keeps nothing on disk): nothing
      // to warn about, PostgreSQL holds what the job did and the reconcilers re-drive what it did not.
      this.logger.info(
        { queue: this.worker.name, error: error.message },
        'job outcome not recorded: Redis lost the job',
      );
      return;
    }
    this.logger.warn({ queue: this.worker.name, err: error }, 'worker error');
  }
}
