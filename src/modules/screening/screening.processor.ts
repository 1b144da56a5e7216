import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { QueueName } from '../queue/queue-names.js';
import { ScreeningService } from './screening.service.js';
import { JobProcessor } from '../../worker/job-processor.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';

interface ScreenJobData {
  declarationId: string;
}

/** The consumer of the screening queue; registered only where the worker role runs. */
@Processor(QueueName.Screening, { autorun: false })
export class ScreeningProcessor extends JobProcessor<ScreenJobData> {
  constructor(
    private readonly screening: ScreeningService,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    heartbeat: WorkerHeartbeat,
    @InjectPinoLogger(ScreeningProcessor.name) logger: PinoLogger,
  ) {
    super(heartbeat, logger);
  }

  protected override configure(): void {
    this.worker.concurrency = this.screeningConfig.concurrency;
  }

  protected handle(job: Job<ScreenJobData>): Promise<string> {
    return this.screening.screen(job.data.declarationId);
  }

  protected override onFinalFailure(job: Job<ScreenJobData>, message: string): Promise<void> {
    return this.screening.markFailed(job.data.declarationId, message);
  }
}
