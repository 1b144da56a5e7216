import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { DeclarationsRepository } from '../declarations/declarations.repository.js';
import { JobName, QueueName, screeningJobId } from '../queue/queue-names.js';
import { ScreeningService } from './screening.service.js';

export type RedriveOutcome = 'requeued' | 'retried' | 'in_queue' | 'marked_failed';

/**
 * Re-drives declarations stuck in `submitted`: a job lost with Redis (it keeps nothing on disk), or a
 * relay that never ran. PostgreSQL is the truth; re-adding under the same jobId is harmless.
 */
@Injectable()
export class ScreeningReconciler {
  constructor(
    private readonly declarations: DeclarationsRepository,
    private readonly screening: ScreeningService,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    @InjectQueue(QueueName.Screening) private readonly queue: Queue,
    @InjectPinoLogger(ScreeningReconciler.name) private readonly logger: PinoLogger,
  ) {}

  /** One pass; returns what it did to each stuck declaration. */
  async reconcileOnce(): Promise<Map<string, RedriveOutcome>> {
    const stuck = await this.declarations.claimStaleScreenings(this.screeningConfig.reconcileStaleAfterMs);
    const outcomes = new Map<string, RedriveOutcome>();
    for (const d of stuck) outcomes.set(d.id, await this.redrive(d.id, d.version, false));
    if (stuck.length > 0)
      this.logger.info(
        { component: 'screening-reconciler', outcomes: [...outcomes.values()] },
        're-drove stuck declarations',
      );
    return outcomes;
  }

  /** Puts one declaration's screening back in the queue. With `retryFailed`, a job that gave up runs again. */
  async redrive(declarationId: string, version: number, retryFailed: boolean): Promise<RedriveOutcome> {
    const jobId = screeningJobId(declarationId, version);
    const job = await this.queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed' && job) {
      if (!retryFailed) {
        await this.screening.markFailed(declarationId, job.failedReason || 'screening failed');
        return 'marked_failed';
      }
      await job.retry('failed');
      return 'retried';
    }
    if (state === 'completed' && job)
      await job.remove(); // finished but the declaration is still submitted: run it again
    else if (state !== 'missing' && state !== 'unknown') return 'in_queue';
    await this.queue.add(JobName.ScreenDeclaration, { declarationId }, { jobId });
    return 'requeued';
  }
}
