import { Module } from '@nestjs/common';
import { BookingRuleRepository } from './booking-rule.repository.js';
import { BookingSanctions } from './booking-sanctions.js';
import { BookingSanctionsRepository } from './booking-sanctions.repository.js';
import { SlotHoursRepository } from './slot-hours.repository.js';
import { SlotSettingsRepository } from './slot-settings.repository.js';
import { SlotWatchService } from './slot-watch.service.js';
import { SlotsService } from './slots.service.js';

const PROVIDERS = [
  SlotHoursRepository,
  BookingRuleRepository,
  BookingSanctionsRepository,
  SlotSettingsRepository,
  BookingSanctions,
  SlotsService,
  SlotWatchService,
];

/**
 * Arrival slots: hourly capacity and its calendar, bookings, no-shows and booking suspensions (SlotWatch, in the
 * worker). Its HTTP endpoints are SlotsApiModule's.
 */
@Module({
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class SlotsModule {}
