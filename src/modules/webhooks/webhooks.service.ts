import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type WebhooksConfig, webhooksConfig } from '../../config/config-groups.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/validation/uuid.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import type { CreateWebhookRequestDto } from './dto/create-webhook.request.dto.js';
import type { WebhookDeliveryResponseDto } from './dto/webhook-delivery.response.dto.js';
import type { CreatedWebhookResponseDto, WebhookResponseDto } from './dto/webhook.response.dto.js';
import { issueWebhookSecret, WebhookSecrets } from './webhook-secrets.service.js';
import { checkWebhookUrl } from './webhook-target.js';
import { toDeliveryResponse, toWebhookResponse } from './webhook.mapper.js';
import type { WebhookEntity } from './webhook.entity.js';
import { type AttemptRow, MAX_ACTIVE_WEBHOOKS } from './webhook.types.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { msg } from '../../common/i18n/message.js';

const DEFAULT_DELIVERY_LIMIT = 50;

const notFound = (): DomainError => new DomainError('WEBHOOK.NOT_FOUND', msg('webhook.notFound'));
const limitReached = (): DomainError =>
  new DomainError('WEBHOOK.LIMIT_REACHED', msg('webhook.limitReached', { max: MAX_ACTIVE_WEBHOOKS }));

/** A company's webhooks: registration, listing, deletion, re-enabling, delivery history and redelivery. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    @Inject(webhooksConfig.KEY) private readonly webhooksConfig: WebhooksConfig,
  ) {}

  /** Registers a webhook; the answer carries the signing secret, which is never shown again. */
  async register(company: AuthenticatedCompany, dto: CreateWebhookRequestDto): Promise<CreatedWebhookResponseDto> {
    const check = checkWebhookUrl(dto.url, this.webhooksConfig.allowPrivateTargets);
    if (!check.ok) throw DomainError.invalidField('url', check.problem);
    const id = randomUUID();
    const secret = issueWebhookSecret();
    const row = await this.webhooks.insertWithinLimit(
      {
        id,
        companyId: company.companyId,
        url: check.url,
        events: dto.events,
        secretEncrypted: this.secrets.seal(secret, id),
      },
      MAX_ACTIVE_WEBHOOKS,
    );
    if (!row) throw limitReached();
    return { ...toWebhookResponse(row), secret };
  }

  async list(company: AuthenticatedCompany): Promise<WebhookResponseDto[]> {
    return (await this.webhooks.listVisible(company.companyId)).map(toWebhookResponse);
  }

  /** Soft delete: the webhook disappears and its pending deliveries are not sent. */
  async remove(company: AuthenticatedCompany, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.webhooks.markDeleted(company.companyId, id.toLowerCase()))) throw notFound();
  }

  /** Re-enables a disabled webhook (counts against the limit); enabling an active one changes nothing. */
  async enable(company: AuthenticatedCompany, id: string): Promise<WebhookResponseDto> {
    if (!isUuid(id)) throw notFound();
    const outcome = await this.webhooks.enableWithinLimit(company.companyId, id.toLowerCase(), MAX_ACTIVE_WEBHOOKS);
    if (outcome === 'not-found') throw notFound();
    if (outcome === 'limit') throw limitReached();
    return toWebhookResponse(outcome);
  }

  async deliveries(
    company: AuthenticatedCompany,
    id: string,
    limit = DEFAULT_DELIVERY_LIMIT,
  ): Promise<WebhookDeliveryResponseDto[]> {
    const webhook = await this.findOwned(company, id);
    const rows = await this.webhooks.deliveries(webhook.id, limit);
    const byDelivery = new Map<string, AttemptRow[]>();
    for (const a of await this.webhooks.attempts(rows.map((r) => r.id))) {
      byDelivery.set(a.delivery_id, [...(byDelivery.get(a.delivery_id) ?? []), a]);
    }
    return rows.map((row) => toDeliveryResponse(row, byDelivery.get(row.id) ?? []));
  }

  /** Queues a delivered or failed delivery again (new job); the webhook must be active. */
  async redeliver(company: AuthenticatedCompany, id: string, deliveryId: string): Promise<WebhookDeliveryResponseDto> {
    if (!isUuid(id)) throw notFound();
    if (!isUuid(deliveryId)) throw new DomainError('WEBHOOK.DELIVERY_NOT_FOUND', msg('webhook.deliveryNotFound'));
    const outcome = await this.webhooks.requeue(company.companyId, id.toLowerCase(), deliveryId.toLowerCase());
    switch (outcome.kind) {
      case 'requeued':
        return toDeliveryResponse(outcome.delivery, await this.webhooks.attempts([outcome.delivery.id]));
      case 'no-webhook':
        throw notFound();
      case 'no-delivery':
        throw new DomainError('WEBHOOK.DELIVERY_NOT_FOUND', msg('webhook.deliveryNotFound'));
      case 'webhook-not-active':
        throw new DomainError('WEBHOOK.NOT_ACTIVE', msg('webhook.notActive'));
      case 'still-pending':
        throw new DomainError('WEBHOOK.DELIVERY_PENDING', msg('webhook.deliveryPending'));
    }
  }

  private async findOwned(company: AuthenticatedCompany, id: string): Promise<WebhookEntity> {
    // Malformed ids and other companies' ids answer alike, so ids cannot be probed.
    const row = isUuid(id) ? await this.webhooks.findVisible(company.companyId, id.toLowerCase()) : null;
    if (!row) throw notFound();
    return row;
  }
}
