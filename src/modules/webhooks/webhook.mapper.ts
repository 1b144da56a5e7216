import type { WebhookDeliveryResponseDto } from './dto/webhook-delivery.response.dto.js';
import type { WebhookResponseDto } from './dto/webhook.response.dto.js';
import type { WebhookEntity } from './webhook.entity.js';
import type { AttemptRow, DeliveryRow } from './webhook.types.js';

/** Never the secret: only registration shows it. */
export function toWebhookResponse(webhook: WebhookEntity): WebhookResponseDto {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    status: webhook.status === 'disabled' ? 'disabled' : 'active',
    disabledReason: webhook.disabledReason,
    disabledAt: webhook.disabledAt?.toISOString() ?? null,
    createdAt: webhook.createdAt.toISOString(),
  };
}

export function toDeliveryResponse(row: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryResponseDto {
  return {
    id: row.id,
    eventType: row.event_type,
    eventSeq: Number(row.event_seq),
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    attemptHistory: attempts.map((a) => ({
      attempt: a.attempt,
      attemptedAt: a.attempted_at.toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}
