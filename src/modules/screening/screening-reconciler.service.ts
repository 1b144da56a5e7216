import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { JobName, QueueName, screeningJobId } from '../queue/queue-names.js';
import { Queues } from '../queue/queue.module.js';
import { ScreeningService } from './screening.service.js';

export type RedriveOutcome = 'requeued' | 'retried' | 'in_queue' | 'marked_failed';

/**
 * Re-drives declarations stuck in `submitted`: a job lost with Redis (it keeps nothing on disk), or a
 * relay that never ran. PostgreSQL is the truth; re-adding under the same jobId is harmless.
 */
@Injectable()
export class ScreeningReconciler {
  constructor(
    private readonly sql: Sql,
    private readonly screening: ScreeningService,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    private readonly queues: Queues,
    @InjectPinoLogger(ScreeningReconciler.name) private readonly logger: PinoLogger,
  ) {}

  /** One pass; returns what it did to each stuck declaration. */
  async reconcileOnce(): Promise<Map<string, RedriveOutcome>> {
    const stuck = await this.sql.rows<{ id: string; version: number }>(
      `UPDATE declaration d SET screening_redriven_at = now()
        WHERE d.id IN (
          SELECT id FROM declaration
           WHERE status = 'submitted' AND screening_state = 'pending'
             AND greatest(created_at, coalesce(screening_redriven_at, created_at))
                 < now() - make_interval(secs => $1::double precision / 1000)
           ORDER BY created_at LIMIT 500
           FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.version`,
      [this.screeningConfig.reconcileStaleAfterMs],
    );
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
    const queue = this.queues.get(QueueName.Screening);
    const job = await queue.getJob(jobId);
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
    await queue.add(JobName.ScreenDeclaration, { declarationId }, { jobId });
    return 'requeued';
  }
}
