import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config.js';
import { LOGGER } from '../../common/logging/logger.tokens.js';
import { JobWorker } from '../queue/job-worker.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { ExpiryService } from './expiry.service.js';

type ClearanceJobData = { stepId: string; version: number } | { declarationId: string; version: number };

/** Consumes the clearance queue: claim expiry and no-show expiry timers. */
@Injectable()
export class ClearanceWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: JobWorker<ClearanceJobData> | null = null;

  constructor(
    private readonly expiry: ExpiryService,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new JobWorker<ClearanceJobData>({
      queue: QueueName.Clearance,
      redisUrl: this.config.REDIS_URL,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 8,
      logger: this.logger,
      counters: this.heartbeat,
      handle: (job) => this.handle(job),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  private async handle(job: Job<ClearanceJobData>): Promise<string> {
    const data = job.data;
    if (job.name === (JobName.ExpireClaim as string) && 'stepId' in data) {
      return (await this.expiry.expireClaim(data.stepId, data.version)) ? 'released' : 'not-due-or-decided';
    }
    if (job.name === (JobName.ExpireNoShow as string) && 'declarationId' in data) {
      return (await this.expiry.expireNoShow(data.declarationId)) ? 'expired' : 'arrived-or-changed';
    }
    throw new Error(`unknown clearance job ${job.name}`);
  }
}
