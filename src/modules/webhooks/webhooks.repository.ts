import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, Not, type Repository } from 'typeorm';
import { rowsIn, Sql } from '../../database/sql.js';
import { CompaniesService } from '../companies/companies.service.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WebhookEntity } from './webhook.entity.js';
import { type AttemptRow, type DeliveryRow, deliveryJobId } from './webhook.types.js';

const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event_type, d.event_seq, d.status, d.attempts, d.last_status_code,
  d.last_error, d.delivered_at, d.created_at`;

export interface NewWebhook {
  id: string;
  companyId: string;
  url: string;
  events: string[];
  secretEncrypted: string;
}

export type RequeueOutcome =
  | { kind: 'requeued'; delivery: DeliveryRow }
  | { kind: 'no-webhook' | 'no-delivery' | 'webhook-not-active' | 'still-pending' };

/**
 * Webhooks, their deliveries and attempts, company-scoped: every read and change names the company.
 * Registrations go through the TypeORM repository; deliveries and attempts are hand SQL beside the pipeline's.
 */
@Injectable()
export class WebhooksRepository {
  private readonly webhooks: Repository<WebhookEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: Sql,
    private readonly companies: CompaniesService,
  ) {
    this.webhooks = dataSource.getRepository(WebhookEntity);
  }

  /** Inserts the webhook unless the company already has `limit` active ones; null when it has. */
  async insertWithinLimit(webhook: NewWebhook, limit: number): Promise<WebhookEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      if ((await this.lockedActiveCount(manager, webhook.companyId)) >= limit) return null;
      await manager.insert(WebhookEntity, webhook);
      return manager.findOneByOrFail(WebhookEntity, { id: webhook.id });
    });
  }

  /** Active and disabled webhooks of the company, oldest first. */
  listVisible(companyId: string): Promise<WebhookEntity[]> {
    return this.webhooks.find({
      where: { companyId, status: Not('deleted') },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findVisible(companyId: string, id: string): Promise<WebhookEntity | null> {
    return this.webhooks.findOneBy({ id, companyId, status: Not('deleted') });
  }

  /** Soft delete; false when there was no such visible webhook. */
  async markDeleted(companyId: string, id: string): Promise<boolean> {
    const result = await this.webhooks.update(
      { id, companyId, status: Not('deleted') },
      { status: 'deleted', deletedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Makes a disabled webhook active again (an active one stays as it is) within the limit of active webhooks. */
  async enableWithinLimit(
    companyId: string,
    id: string,
    limit: number,
  ): Promise<WebhookEntity | 'not-found' | 'limit'> {
    return this.dataSource.transaction(async (manager) => {
      const active = await this.lockedActiveCount(manager, companyId);
      const current = await manager.findOne(WebhookEntity, {
        where: { id, companyId, status: Not('deleted') },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return 'not-found';
      if (current.status === 'active') return current;
      if (active >= limit) return 'limit';
      await manager.update(WebhookEntity, { id }, { status: 'active', disabledReason: null, disabledAt: null });
      return manager.findOneByOrFail(WebhookEntity, { id });
    });
  }

  /** Newest first. */
  deliveries(webhookId: string, limit: number): Promise<DeliveryRow[]> {
    return this.sql.rows<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d WHERE d.webhook_id = $1
        ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      [webhookId, limit],
    );
  }

  /** Every attempt of these deliveries, in the order they were made. */
  attempts(deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.sql.rows<AttemptRow>(
      `SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempt
        WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, id`,
      [deliveryIds],
    );
  }

  /**
   * Puts a delivered or failed delivery back to `pending` and queues it again under a new job id, in one
   * transaction. A pending delivery is refused: its job is still running or waiting for its next attempt.
   */
  async requeue(companyId: string, webhookId: string, deliveryId: string): Promise<RequeueOutcome> {
    // A new job id for each redelivery: BullMQ keeps finished jobs for a while and would ignore a repeated one.
    const jobId = `${deliveryJobId(deliveryId)}-r${Date.now()}`;
    return this.dataSource.transaction(async (manager) => {
      const [delivery] = await rowsIn<DeliveryRow>(
        manager,
        `UPDATE webhook_delivery d SET status = 'pending', delivered_at = NULL, job_id = $4
           FROM webhook w
          WHERE d.id = $1 AND d.webhook_id = $2 AND w.id = d.webhook_id AND w.company_id = $3
            AND w.status = 'active' AND d.status <> 'pending'
         RETURNING ${DELIVERY_COLUMNS}`,
        [deliveryId, webhookId, companyId, jobId],
      );
      if (!delivery) return { kind: await this.whyNotRequeued(manager, companyId, webhookId, deliveryId) };
      await enqueueInTransaction(manager, {
        queue: QueueName.Webhooks,
        name: JobName.DeliverWebhook,
        jobId,
        payload: { deliveryId },
      });
      return { kind: 'requeued', delivery };
    });
  }

  private async whyNotRequeued(
    manager: EntityManager,
    companyId: string,
    webhookId: string,
    deliveryId: string,
  ): Promise<'no-webhook' | 'no-delivery' | 'webhook-not-active' | 'still-pending'> {
    const [row] = await rowsIn<{ webhook_status: string; delivery_status: string | null }>(
      manager,
      `SELECT w.status AS webhook_status, d.status AS delivery_status
         FROM webhook w LEFT JOIN webhook_delivery d ON d.id = $3 AND d.webhook_id = w.id
        WHERE w.id = $1 AND w.company_id = $2 AND w.status <> 'deleted'`,
      [webhookId, companyId, deliveryId],
    );
    if (!row) return 'no-webhook';
    if (!row.delivery_status) return 'no-delivery';
    return row.webhook_status !== 'active' ? 'webhook-not-active' : 'still-pending';
  }

  // Serialises creations and re-enablings per company, so two at once cannot both pass the limit.
  private async lockedActiveCount(manager: EntityManager, companyId: string): Promise<number> {
    await this.companies.lockForUpdate(manager, companyId);
    return manager.countBy(WebhookEntity, { companyId, status: 'active' });
  }
}
