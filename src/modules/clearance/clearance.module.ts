import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AgencyQueueService } from './agency-queue.service.js';
import { CheckInService } from './check-in.service.js';
import { ClearanceController } from './clearance.controller.js';
import { ClearanceRepository } from './clearance.repository.js';
import { ClearanceStepsReader } from './clearance-steps.reader.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { DeclarationStepsReader } from '../declarations/declaration-steps.reader.js';
import { ExitService } from './exit.service.js';
import { ExpiryService } from './expiry.service.js';
import { HandoverRepository } from './handover.repository.js';
import { ReturnsModule } from '../returns/returns.module.js';
import { RegulationYardsModule } from '../regulation-yards/regulation-yards.module.js';
import { StepDecisionService } from './step-decision.service.js';

/** What happens at the gate: check-in, agency queues, step decisions, exit, and the timers behind them. */
@Module({
  imports: [AuthModule, DeclarationsModule, ReturnsModule, RegulationYardsModule],
  controllers: [ClearanceController],
  providers: [
    ClearanceRepository,
    CheckInService,
    AgencyQueueService,
    StepDecisionService,
    ExitService,
    HandoverRepository,
    ExpiryService,
    { provide: DeclarationStepsReader, useClass: ClearanceStepsReader },
  ],
  // RegulationYardsModule passes on DeclarationYardReader to the declarations' API, which gets its ports from here.
  exports: [ClearanceRepository, ExpiryService, DeclarationStepsReader, RegulationYardsModule],
})
export class ClearanceModule {}
