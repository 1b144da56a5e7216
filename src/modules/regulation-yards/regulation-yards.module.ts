import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { SlotsModule } from '../slots/slots.module.js';
import { CallForwardService } from './call-forward.service.js';
import { RegulationYardsController } from './regulation-yards.controller.js';
import { RegulationYardsReader } from './regulation-yards.reader.js';
import { RegulationYardsRepository } from './regulation-yards.repository.js';
import { DeclarationYardReader } from '../declarations/declaration-yard.reader.js';
import { RegulationYardsService } from './regulation-yards.service.js';
import { YardCountsRepository } from './yard-counts.repository.js';

/**
 * Regulation yards: trucks wait there and are called forward to the gate in the priority cycle's order
 * (CallForwardService; its schedule, CallForward, runs in the worker). The gate's check-in asks here whether a truck
 * may come in.
 */
@Module({
  imports: [AuthModule, DeclarationsModule, SlotsModule],
  controllers: [RegulationYardsController],
  providers: [
    RegulationYardsRepository,
    RegulationYardsService,
    CallForwardService,
    YardCountsRepository,
    { provide: DeclarationYardReader, useClass: RegulationYardsReader },
  ],
  exports: [
    RegulationYardsRepository,
    RegulationYardsService,
    CallForwardService,
    DeclarationYardReader,
    YardCountsRepository,
  ],
})
export class RegulationYardsModule {}
