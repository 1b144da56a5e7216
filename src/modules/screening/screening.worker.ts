import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config.js';
import { LOGGER } from '../../common/logging/logger.tokens.js';
import { QueueName } from '../queue/queue-names.js';
import { createWorkerConnection } from '../queue/redis.js';
import { WorkerHeartbeat } from './worker-heartbeat.js';
import { ScreeningService } from './screening.service.js';

interface ScreenJobData {
  declarationId: string;
}

/** The BullMQ consumer of the screening queue; registered only where the worker role runs. */
@Injectable()
export class ScreeningWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: Worker<ScreenJobData> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly screening: ScreeningService,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createWorkerConnection(this.config.REDIS_URL);
    this.connection.on('error', () => undefined); // ioredis reconnects; the relay and /health report the outage
    this.worker = new Worker<ScreenJobData>(QueueName.Screening, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.SCREENING_CONCURRENCY,
    });
    this.worker.on('error', (error) => this.logger.warn({ component: 'screening-worker', err: error }, 'worker error'));
  }

  /** Stops taking new jobs (maintenance); jobs already running finish. */
  async pause(): Promise<void> {
    await this.worker?.pause();
  }

  async resume(): Promise<void> {
    await this.worker?.resume();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
  }

  async process(job: Job<ScreenJobData>): Promise<string> {
    const started = Date.now();
    const context = { queue: QueueName.Screening, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 };
    this.logger.debug(context, 'job started');
    try {
      const outcome = await this.screening.screen(job.data.declarationId);
      this.heartbeat.recordCompleted();
      this.logger.info({ ...context, outcome, durationMs: Date.now() - started }, 'job finished');
      return outcome;
    } catch (error) {
      this.heartbeat.recordFailed();
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn({ ...context, final, durationMs: Date.now() - started, err: error }, 'job failed');
      if (final) await this.screening.markFailed(job.data.declarationId, message);
      throw error;
    }
  }
}
