import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, type ScreeningConfig, queueConfig, screeningConfig } from '../../config/config-groups.js';
import { JobWorker } from '../queue/job-worker.js';
import { QueueName } from '../queue/queue-names.js';
import { ScreeningService } from './screening.service.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';

interface ScreenJobData {
  declarationId: string;
}

/** The BullMQ consumer of the screening queue; registered only where the worker role runs. */
@Injectable()
export class ScreeningWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: JobWorker<ScreenJobData> | null = null;

  constructor(
    private readonly screening: ScreeningService,
    private readonly heartbeat: WorkerHeartbeat,
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    @InjectPinoLogger(ScreeningWorker.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new JobWorker<ScreenJobData>({
      queue: QueueName.Screening,
      redisUrl: this.queueConfig.redisUrl,
      prefix: this.queueConfig.prefix,
      concurrency: this.screeningConfig.concurrency,
      logger: this.logger,
      counters: this.heartbeat,
      handle: (job) => this.screening.screen(job.data.declarationId),
      onFinalFailure: (job, message) => this.screening.markFailed(job.data.declarationId, message),
    });
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
  }
}
