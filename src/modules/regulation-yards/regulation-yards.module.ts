import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { SlotsModule } from '../slots/slots.module.js';
import { CallForwardService } from './call-forward.service.js';
import { RegulationYardsController } from './regulation-yards.controller.js';
import { RegulationYardsRepository } from './regulation-yards.repository.js';
import { RegulationYardsService } from './regulation-yards.service.js';

/**
 * Regulation yards: trucks wait there and are called forward to the gate in the priority cycle's order
 * (CallForwardService; its schedule, CallForward, runs in the worker). The gate's check-in asks here whether a truck
 * may come in.
 */
@Module({
  imports: [AuthModule, DeclarationsModule, SlotsModule],
  controllers: [RegulationYardsController],
  providers: [RegulationYardsRepository, RegulationYardsService, CallForwardService],
  exports: [RegulationYardsRepository, RegulationYardsService, CallForwardService],
})
export class RegulationYardsModule {}
