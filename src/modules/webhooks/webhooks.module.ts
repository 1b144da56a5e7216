import { Module } from '@nestjs/common';
import { WebhookReconciler } from './webhook-reconciler.service.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookFanout } from './webhook-fanout.service.js';
import { WebhookSecrets } from './webhook-secrets.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Company webhooks: registration API, fan-out of domain events into deliveries (WebhookFanout, for the event
 * dispatcher) and the delivery service behind WebhookDeliveryProcessor (registered in the worker module).
 */
@Module({
  imports: [CompaniesModule, DeclarationsModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksService,
    WebhooksRepository,
    WebhookSecrets,
    WebhookFanout,
    WebhookDeliveryService,
    WebhookReconciler,
  ],
  exports: [WebhookFanout, WebhookDeliveryService, WebhookReconciler],
})
export class WebhooksModule {}
