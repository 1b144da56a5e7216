import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import { DeclarationsRepository } from '../declarations/declarations.repository.js';
import { type DomainEvent, WEBHOOK_EVENT_TYPES } from '../events/domain-event.js';
import { enqueueAllInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

// One statement for the whole batch: the events arrive as one jsonb array; each meets the active webhooks of
// its own company that subscribed to its type; the delivery's payload carries its own id. ON CONFLICT makes a
// second hand-over of the same event a no-op, and only the deliveries it created come back for their outbox
// messages.
const FAN_OUT = `
WITH event AS (
  SELECT e.*
    FROM jsonb_to_recordset($1::jsonb) AS e(seq bigint, type text, "occurredAt" text, "declarationId" uuid,
         "companyId" uuid, reference text, plate text, gate text, direction text, status text, step jsonb, call jsonb)
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
                          THEN jsonb_build_object('agency', c.step -> 'agency', 'status', c.step -> 'status') END)
             -- A call forward's events name the call (state, deadline, yard); no other event has the key.
             || CASE WHEN jsonb_typeof(c.call) = 'object' THEN jsonb_build_object('call', c.call) ELSE '{}' END)
    FROM candidate c
  ON CONFLICT (webhook_id, event_seq) DO NOTHING
  RETURNING id, job_id
)
SELECT id, job_id FROM delivery`;

/** Turns committed domain events into webhook deliveries. */
@Injectable()
export class WebhookFanout {
  constructor(private readonly declarations: DeclarationsRepository) {}

  /**
   * For each event of a subscribable type, one delivery per active webhook of the event's company subscribed
   * to it, with its outbox message (job `webhook-<deliveryId>`). Call inside the transaction that consumes the
   * events. Idempotent per (webhook, event seq): safe to call again with the same events. Returns how many
   * deliveries were created.
   */
  async createDeliveries(manager: EntityManager, events: DomainEvent[]): Promise<number> {
    const subscribable = events.filter((e) => SUBSCRIBABLE.has(e.type));
    if (subscribable.length === 0) return 0;
    const owners = await this.declarations.companiesOf(manager, [...new Set(subscribable.map((e) => e.declarationId))]);
    // Only the owner's own declaration: an event that names another company goes nowhere.
    const wanted = subscribable.filter((e) => owners.get(e.declarationId) === e.companyId);
    if (wanted.length === 0) return 0;
    const deliveries = await rowsIn<{ id: string; job_id: string }>(manager, FAN_OUT, [JSON.stringify(wanted)]);
    await enqueueAllInTransaction(
      manager,
      deliveries.map((d) => ({
        queue: QueueName.Webhooks,
        name: JobName.DeliverWebhook,
        jobId: d.job_id,
        payload: { deliveryId: d.id },
      })),
    );
    return deliveries.length;
  }

  /** The event dispatcher's sink interface (`EventSink`): the same as createDeliveries. */
  accept(manager: EntityManager, events: DomainEvent[]): Promise<number> {
    return this.createDeliveries(manager, events);
  }
}
