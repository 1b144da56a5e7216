import { BookingRuleEntity } from './booking-rule.entity.js';
import { BookingStrikeEntity } from './booking-strike.entity.js';
import { BookingSuspensionEntity } from './booking-suspension.entity.js';
import { GateCapacityExceptionEntity } from './gate-capacity-exception.entity.js';
import { GateHourCapacityEntity } from './gate-hour-capacity.entity.js';

export const SLOTS_ENTITIES = [
  GateHourCapacityEntity,
  GateCapacityExceptionEntity,
  BookingRuleEntity,
  BookingStrikeEntity,
  BookingSuspensionEntity,
];
