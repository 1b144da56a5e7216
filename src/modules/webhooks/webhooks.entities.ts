import { WebhookAttemptEntity } from './webhook-attempt.entity.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookEntity } from './webhook.entity.js';

export const WEBHOOKS_ENTITIES = [WebhookEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
