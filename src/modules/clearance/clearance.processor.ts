import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { JobName, QueueName } from '../queue/queue-names.js';
import { JobProcessor } from '../../worker/job-processor.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { ExpiryService } from './expiry.service.js';

type ClearanceJobData = { stepId: string; version: number } | { declarationId: string; version: number };

/** Consumes the clearance queue: claim expiry and no-show expiry timers. */
@Processor(QueueName.Clearance, { autorun: false, concurrency: 8 })
export class ClearanceProcessor extends JobProcessor<ClearanceJobData> {
  constructor(
    private readonly expiry: ExpiryService,
    heartbeat: WorkerHeartbeat,
    @InjectPinoLogger(ClearanceProcessor.name) logger: PinoLogger,
  ) {
    super(heartbeat, logger);
  }

  protected async handle(job: Job<ClearanceJobData>): Promise<string> {
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
