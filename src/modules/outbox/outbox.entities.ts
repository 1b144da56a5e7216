import { OutboxMessageEntity } from './outbox-message.entity.js';

export const OUTBOX_ENTITIES = [OutboxMessageEntity];
