import { ApiKeyEntity } from '../modules/companies/api-key.entity.js';
import { CompanyEntity } from '../modules/companies/company.entity.js';
import { DeclarationEventEntity } from '../modules/declarations/declaration-event.entity.js';
import { DeclarationEntity } from '../modules/declarations/declaration.entity.js';
import { GateEntity } from '../modules/gates/gate.entity.js';
import { OfficerEntity } from '../modules/officers/officer.entity.js';
import { OutboxMessageEntity } from '../modules/outbox/outbox-message.entity.js';
import { WatchlistEntryEntity } from '../modules/watchlist/watchlist-entry.entity.js';

export const ENTITIES = [
  GateEntity,
  CompanyEntity,
  ApiKeyEntity,
  WatchlistEntryEntity,
  DeclarationEntity,
  DeclarationEventEntity,
  OutboxMessageEntity,
  OfficerEntity,
];
