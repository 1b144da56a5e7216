import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { SlotAdminService } from './slot-admin.service.js';
import { BookingSuspensionsController, DeclarationSlotController, GateSlotsController } from './slots.controller.js';
import { SlotsModule } from './slots.module.js';

/**
 * Arrival slots over HTTP: the public calendar, a declaration's booking (the company's), supervisors' capacity,
 * calendar and booking rule, booking suspensions.
 */
@Module({
  imports: [SlotsModule, AuthModule, CompaniesModule],
  controllers: [GateSlotsController, DeclarationSlotController, BookingSuspensionsController],
  providers: [SlotAdminService],
})
export class SlotsApiModule {}
