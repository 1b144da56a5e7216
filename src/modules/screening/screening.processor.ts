import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config.js';
import { LOGGER } from '../../common/logging/logger.tokens.js';
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
    private readonly config: AppConfig,
    heartbeat: WorkerHeartbeat,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(heartbeat, logger);
  }

  protected override configure(): void {
    this.worker.concurrency = this.config.SCREENING_CONCURRENCY;
  }

  protected handle(job: Job<ScreenJobData>): Promise<string> {
    return this.screening.screen(job.data.declarationId);
  }

  protected override onFinalFailure(job: Job<ScreenJobData>, message: string): Promise<void> {
    return this.screening.markFailed(job.data.declarationId, message);
  }
}
