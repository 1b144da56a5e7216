import { Module } from '@nestjs/common';
import { BookingRuleRepository } from './booking-rule.repository.js';
import { SlotHoursRepository } from './slot-hours.repository.js';
import { SlotsService } from './slots.service.js';

/** Arrival slots: hourly capacity and its calendar, bookings, no-shows and booking suspensions. */
@Module({
  providers: [SlotHoursRepository, BookingRuleRepository, SlotsService],
  exports: [SlotHoursRepository, BookingRuleRepository, SlotsService],
})
export class SlotsModule {}
