/** A webhook's lifecycle: `deleted` is kept for its deliveries' history but never shown or called. */
export const WEBHOOK_STATUSES = ['active', 'disabled', 'deleted'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Active webhooks a company may have at once. */
export const MAX_ACTIVE_WEBHOOKS = 10;

/** Job data on the webhooks queue: the id only; the worker re-reads everything else (never the secret). */
export interface DeliverWebhookJob {
  deliveryId: string;
}

export function deliveryJobId(deliveryId: string): string {
  return `webhook-${deliveryId}`;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  event_seq: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}
