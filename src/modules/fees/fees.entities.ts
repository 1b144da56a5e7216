import {
  FeeScheduleClassEntity,
  FeeScheduleContainerEntity,
  FeeScheduleEntity,
  FeeScheduleExemptionEntity,
  FeeScheduleRateEntity,
} from './fee-schedule.entity.js';

export const FEES_ENTITIES = [
  FeeScheduleEntity,
  FeeScheduleClassEntity,
  FeeScheduleContainerEntity,
  FeeScheduleRateEntity,
  FeeScheduleExemptionEntity,
];
