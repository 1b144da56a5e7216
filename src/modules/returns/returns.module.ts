import { Module } from '@nestjs/common';
import { ReturnsRepository } from './returns.repository.js';
import { ReturnsService } from './returns.service.js';

/**
 * The return rule: the deadline of a vehicle that crossed for a delivery, its return check-in, the gate's list of
 * vehicles away and the reminders (ReturnsWatch, in the worker). The gate endpoints sit with the other gate
 * officers' endpoints (clearance), beside the check-in they mirror.
 */
@Module({
  providers: [ReturnsRepository, ReturnsService],
  exports: [ReturnsRepository, ReturnsService],
})
export class ReturnsModule {}
