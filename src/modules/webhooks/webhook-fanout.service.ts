import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import { type DomainEvent, WEBHOOK_EVENT_TYPES } from '../events/domain-event.js';
import { JobName, QueueName } from '../queue/queue-names.js';

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

// One statement for the whole batch: the events arrive as one jsonb array; each meets the active webhooks of
// its own company that subscribed to its type; the delivery (its payload carries its own id) and its outbox
// message are written together. ON CONFLICT makes a second hand-over of the same event a no-op.
const FAN_OUT = `
WITH event AS (
  SELECT e.*
    FROM jsonb_to_recordset($1::jsonb) AS e(seq bigint, type text, "occurredAt" text, "declarationId" uuid,
         "companyId" uuid, reference text, plate text, gate text, direction text, status text, step jsonb)
    -- Only the owner's own declaration: an event that names another company goes nowhere.
    JOIN declaration d ON d.id = e."declarationId" AND d.company_id = e."companyId"
),
candidate AS (
  SELECT gen_random_uuid() AS id, w.id AS webhook_id, e.*
    FROM event e
    JOIN webhook w ON w.company_id = e."companyId" AND w.status = 'active' AND e.type = ANY (w.events)
),
delivery AS (
  INSERT INTO webhook_delivery (id, webhook_id, event_seq, event_type, job_id, payload)
  SELECT c.id, c.webhook_id, c.seq, c.type, 'webhook-' || c.id,
         jsonb_build_object(
           'id', c.id, 'type', c.type, 'occurredAt', c."occurredAt",
           'data', jsonb_build_object(
             'declarationId', c."declarationId", 'reference', c.reference, 'plate', c.plate, 'gate', c.gate,
             'direction', c.direction, 'status', c.status,
             'step', CASE WHEN jsonb_typeof(c.step) = 'object'
                          THEN jsonb_build_object('agency', c.step -> 'agency', 'status', c.step -> 'status') END))
    FROM candidate c
  ON CONFLICT (webhook_id, event_seq) DO NOTHING
  RETURNING id, job_id
)
INSERT INTO outbox_message (queue, job_name, job_id, payload)
SELECT $2, $3, job_id, jsonb_build_object('deliveryId', id) FROM delivery
RETURNING id`;

/** Turns committed domain events into webhook deliveries. */
@Injectable()
export class WebhookFanout {
  /**
   * For each event of a subscribable type, one delivery per active webhook of the event's company subscribed
   * to it, with its outbox message (job `webhook-<deliveryId>`). Call inside the transaction that consumes the
   * events. Idempotent per (webhook, event seq): safe to call again with the same events. Returns how many
   * deliveries were created.
   */
  async createDeliveries(manager: EntityManager, events: DomainEvent[]): Promise<number> {
    const wanted = events.filter((e) => SUBSCRIBABLE.has(e.type));
    if (wanted.length === 0) return 0;
    const rows = await rowsIn(manager, FAN_OUT, [JSON.stringify(wanted), QueueName.Webhooks, JobName.DeliverWebhook]);
    return rows.length;
  }

  /** The event dispatcher's sink interface (`EventSink`): the same as createDeliveries. */
  accept(manager: EntityManager, events: DomainEvent[]): Promise<number> {
    return this.createDeliveries(manager, events);
  }
}
