import type { WebhookDeliveryResponseDto } from './dto/webhook-delivery.response.dto.js';
import type { WebhookResponseDto } from './dto/webhook.response.dto.js';
import type { AttemptRow, DeliveryRow, WebhookRow } from './webhook.types.js';

/** Never the secret: only registration shows it. */
export function toWebhookResponse(row: WebhookRow): WebhookResponseDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
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
