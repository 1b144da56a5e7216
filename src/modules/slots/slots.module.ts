import { Module } from '@nestjs/common';
import { SlotHoursRepository } from './slot-hours.repository.js';

/** Arrival slots: hourly capacity and its calendar, bookings, no-shows and booking suspensions. */
@Module({
  providers: [SlotHoursRepository],
  exports: [SlotHoursRepository],
})
export class SlotsModule {}
