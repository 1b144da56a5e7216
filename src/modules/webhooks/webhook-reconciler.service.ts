import { Inject, Injectable } from '@nestjs/common';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { Queues } from '../queue/queue.module.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

/**
 * Pending deliveries whose job Redis lost (it keeps nothing on disk) would wait forever: re-add the job under
 * the id the delivery records. A job that exists (waiting, or delayed for its next retry) is left alone; one
 * that failed for good without reaching the final-failure hook is settled here.
 */
@Injectable()
export class WebhookReconciler {
  constructor(
    private readonly sql: Sql,
    private readonly queues: Queues,
    private readonly deliveries: WebhookDeliveryService,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
  ) {}

  async reconcileOnce(): Promise<{ requeued: number; failed: number }> {
    const stale = await this.sql.rows<{ id: string; job_id: string; attempts: number }>(
      `SELECT d.id, d.job_id, d.attempts FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id AND w.status = 'active'
        WHERE d.status = 'pending' AND d.created_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY d.created_at LIMIT 200`,
      [this.screeningConfig.reconcileStaleAfterMs],
    );
    const queue = this.queues.get(QueueName.Webhooks);
    let requeued = 0;
    let failed = 0;
    for (const d of stale) {
      const job = await queue.getJob(d.job_id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'missing' || state === 'unknown') {
        await queue.add(JobName.DeliverWebhook, { deliveryId: d.id }, { jobId: d.job_id });
        requeued += 1;
      } else if (state === 'failed') {
        await this.deliveries.markFailed(d.id, d.attempts, job?.failedReason || 'delivery failed');
        failed += 1;
      }
    }
    return { requeued, failed };
  }
}
