import { AmendmentRequestEntity } from './amendment-request.entity.js';
import { DeclarationContainerEntity } from './declaration-container.entity.js';
import { DeclarationEventEntity } from './declaration-event.entity.js';
import { DeclarationEntity } from './declaration.entity.js';
import { GateDayLoadEntity } from './gate-day-load.entity.js';
import { GateHourLoadEntity } from './gate-hour-load.entity.js';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';
import { OfficerIdempotencyRecordEntity } from './officer-idempotency-record.entity.js';
import { ReferenceCounterEntity } from './reference-counter.entity.js';

export const DECLARATIONS_ENTITIES = [
  DeclarationEntity,
  DeclarationEventEntity,
  AmendmentRequestEntity,
  IdempotencyRecordEntity,
  OfficerIdempotencyRecordEntity,
  ReferenceCounterEntity,
  GateDayLoadEntity,
  GateHourLoadEntity,
  DeclarationContainerEntity,
];
