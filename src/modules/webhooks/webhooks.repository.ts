import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn, Sql } from '../../database/sql.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { type AttemptRow, type DeliveryRow, deliveryJobId, type WebhookRow } from './webhook.types.js';

const WEBHOOK_COLUMNS = 'id, company_id, url, events, status, disabled_reason, disabled_at, created_at';
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

/** Webhooks, their deliveries and attempts, company-scoped: every read and change names the company. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly sql: Sql) {}

  /** Inserts the webhook unless the company already has `limit` active ones; null when it has. */
  async insertWithinLimit(webhook: NewWebhook, limit: number): Promise<WebhookRow | null> {
    return this.sql.dataSource.transaction(async (manager) => {
      if ((await this.lockedActiveCount(manager, webhook.companyId)) >= limit) return null;
      const [row] = await rowsIn<WebhookRow>(
        manager,
        `INSERT INTO webhook (id, company_id, url, events, secret_encrypted) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${WEBHOOK_COLUMNS}`,
        [webhook.id, webhook.companyId, webhook.url, webhook.events, webhook.secretEncrypted],
      );
      return row;
    });
  }

  /** Active and disabled webhooks of the company, oldest first. */
  listVisible(companyId: string): Promise<WebhookRow[]> {
    return this.sql.rows<WebhookRow>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE company_id = $1 AND status <> 'deleted' ORDER BY created_at, id`,
      [companyId],
    );
  }

  findVisible(companyId: string, id: string): Promise<WebhookRow | null> {
    return this.sql.one<WebhookRow>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1 AND company_id = $2 AND status <> 'deleted'`,
      [id, companyId],
    );
  }

  /** Soft delete; false when there was no such visible webhook. */
  async markDeleted(companyId: string, id: string): Promise<boolean> {
    const rows = await this.sql.rows(
      `UPDATE webhook SET status = 'deleted', deleted_at = now()
        WHERE id = $1 AND company_id = $2 AND status <> 'deleted' RETURNING id`,
      [id, companyId],
    );
    return rows.length > 0;
  }

  /** Makes a disabled webhook active again (an active one stays as it is) within the limit of active webhooks. */
  async enableWithinLimit(companyId: string, id: string, limit: number): Promise<WebhookRow | 'not-found' | 'limit'> {
    return this.sql.dataSource.transaction(async (manager) => {
      const active = await this.lockedActiveCount(manager, companyId);
      const [current] = await rowsIn<WebhookRow>(
        manager,
        `SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1 AND company_id = $2 AND status <> 'deleted' FOR UPDATE`,
        [id, companyId],
      );
      if (!current) return 'not-found';
      if (current.status === 'active') return current;
      if (active >= limit) return 'limit';
      const [row] = await rowsIn<WebhookRow>(
        manager,
        `UPDATE webhook SET status = 'active', disabled_reason = NULL, disabled_at = NULL WHERE id = $1
         RETURNING ${WEBHOOK_COLUMNS}`,
        [id],
      );
      return row;
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
    return this.sql.dataSource.transaction(async (manager) => {
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
    await rowsIn(manager, 'SELECT id FROM company WHERE id = $1 FOR NO KEY UPDATE', [companyId]);
    const [row] = await rowsIn<{ n: number }>(
      manager,
      `SELECT count(*)::int AS n FROM webhook WHERE company_id = $1 AND status = 'active'`,
      [companyId],
    );
    return row.n;
  }
}
