import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { type WebhooksConfig, webhooksConfig } from '../../config/config-groups.js';
import { isUuid } from '../../common/validation/uuid.js';
import { Sql } from '../../database/sql.js';
import { WebhookSecrets } from './webhook-secrets.service.js';
import { signatureHeader } from './webhook-signature.js';
import { postOnce } from './webhook-http.js';
import { publicAddresses, publicOnlyLookup } from './webhook-target.js';
import type { DeliveryStatus, WebhookStatus } from './webhook.types.js';

export const WEBHOOK_USER_AGENT = 'border-gate-webhooks/1';
const MAX_ERROR_LENGTH = 500;

interface DeliveryTarget {
  id: string;
  status: DeliveryStatus;
  event_type: string;
  payload: Record<string, unknown>;
  webhook_id: string;
  url: string;
  webhook_status: WebhookStatus;
  secret_encrypted: string;
}

interface AttemptResult {
  statusCode: number | null;
  /** Null for a 2xx answer and for other answers whose status code says it all. */
  error: string | null;
  /** What went wrong, for the retry log and the reason a webhook is disabled; null on success. */
  failure: string | null;
}

/** An attempt that did not get a 2xx answer: thrown so BullMQ retries the job with backoff. */
export class WebhookAttemptFailed extends Error {
  override name = 'WebhookAttemptFailed';
}

/** The stored payload as the body: the documented key order first, anything else after. */
export function webhookBody(payload: Record<string, unknown>): string {
  const { id, type, occurredAt, data, ...rest } = payload;
  const d = (data ?? {}) as Record<string, unknown>;
  const { declarationId, reference, plate, gate, direction, status, step, ...more } = d;
  return JSON.stringify({
    id,
    type,
    occurredAt,
    data: { declarationId, reference, plate, gate, direction, status, step, ...more },
    ...rest,
  });
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  cause?: unknown;
}

// Duck-typed: errors need not come from this realm's Error.
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = (error ?? {}) as ErrorLike;
  if (e.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  // Some failures (a wrapped socket or DNS error) carry the telling message in their cause.
  const cause = (e.cause ?? {}) as ErrorLike;
  const message =
    typeof cause.message === 'string' ? cause.message : typeof e.message === 'string' ? e.message : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}

/** One delivery attempt per job run: sign, POST, record the attempt, settle the delivery. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly sql: Sql,
    @Inject(webhooksConfig.KEY) private readonly webhooksConfig: WebhooksConfig,
    private readonly secrets: WebhookSecrets,
  ) {}

  /**
   * Makes attempt `attempt` of a delivery. Returns 'delivered', or 'skipped' when there is nothing to do (already
   * settled, or the webhook is no longer active: the delivery is then marked failed, so it can be redelivered
   * by hand). Throws WebhookAttemptFailed for any answer but 2xx. Idempotent: a second run after success skips.
   */
  async deliver(deliveryId: string, attempt: number): Promise<'delivered' | 'skipped'> {
    if (!isUuid(deliveryId)) return 'skipped';
    const target = await this.sql.one<DeliveryTarget>(
      `SELECT d.id, d.status, d.event_type, d.payload, w.id AS webhook_id, w.url, w.status AS webhook_status,
              w.secret_encrypted
         FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!target || target.status !== 'pending') return 'skipped';
    if (target.webhook_status !== 'active') {
      await this.sql.rows(
        `UPDATE webhook_delivery SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'pending'`,
        [deliveryId, `not sent: the webhook is ${target.webhook_status}`],
      );
      return 'skipped';
    }

    const attemptedAt = new Date();
    const started = performance.now();
    const result = await this.post(target);
    const durationMs = Math.round(performance.now() - started);

    // The attempt and the delivery's summary in one statement.
    await this.sql.rows(
      `WITH attempt AS (
         INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6)
       )
       UPDATE webhook_delivery
          SET attempts = attempts + 1, last_status_code = $4, last_error = $5,
              status = CASE WHEN $7::boolean THEN 'delivered' ELSE status END,
              delivered_at = CASE WHEN $7::boolean THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [deliveryId, attempt, attemptedAt, result.statusCode, result.error, durationMs, result.failure === null],
    );
    if (result.failure !== null) throw new WebhookAttemptFailed(result.failure);
    return 'delivered';
  }

  /**
   * After the last attempt: the delivery is `failed` and its webhook `disabled`, with the reason shown to the
   * company (`delivery <id> failed <n> times; last: HTTP 500`). Re-enabling is the company's call.
   */
  async markFailed(deliveryId: string, attempts: number, lastFailure: string): Promise<void> {
    if (!isUuid(deliveryId)) return;
    await this.sql.rows(
      `WITH failed AS (
         UPDATE webhook_delivery SET status = 'failed' WHERE id = $1 AND status = 'pending' RETURNING webhook_id
       )
       UPDATE webhook SET status = 'disabled', disabled_reason = $2, disabled_at = now()
        WHERE id = (SELECT webhook_id FROM failed) AND status = 'active'`,
      [deliveryId, `delivery ${deliveryId} failed ${attempts} times; last: ${lastFailure}`.slice(0, 1000)],
    );
  }

  private async post(target: DeliveryTarget): Promise<AttemptResult> {
    const timeoutMs = this.webhooksConfig.timeoutMs;
    try {
      const url = new URL(target.url);
      // Node connects to an IP literal without any lookup: judged here instead (no DNS involved).
      if (!this.webhooksConfig.allowPrivateTargets && isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
        await publicAddresses(url.hostname);
      }
      const secret = this.secrets.open(target.secret_encrypted, target.webhook_id);
      const body = webhookBody(target.payload);
      const statusCode = await postOnce(url, body, {
        headers: {
          'content-type': 'application/json',
          'user-agent': WEBHOOK_USER_AGENT,
          'x-bordergate-event': target.event_type,
          'x-bordergate-delivery': target.id,
          'x-bordergate-signature': signatureHeader(secret, body),
        },
        timeoutMs,
        // Judged at every delivery, not only at registration, on the very addresses the connection then uses.
        lookup: this.webhooksConfig.allowPrivateTargets ? undefined : publicOnlyLookup(),
      });
      if (statusCode >= 200 && statusCode < 300) return { statusCode, error: null, failure: null };
      if (statusCode >= 300 && statusCode < 400) {
        const error = 'redirect not followed';
        return { statusCode, error, failure: `HTTP ${statusCode} (${error})` };
      }
      return { statusCode, error: null, failure: `HTTP ${statusCode}` };
    } catch (error) {
      const message = describeFailure(error, timeoutMs);
      return { statusCode: null, error: message, failure: message };
    }
  }
}
