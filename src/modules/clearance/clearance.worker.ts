import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
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
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @InjectPinoLogger(ClearanceWorker.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new JobWorker<ClearanceJobData>({
      queue: QueueName.Clearance,
      redisUrl: this.queueConfig.redisUrl,
      prefix: this.queueConfig.prefix,
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
