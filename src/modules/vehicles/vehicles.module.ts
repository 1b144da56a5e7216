import { Module } from '@nestjs/common';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { ReturnsModule } from '../returns/returns.module.js';
import { RegulationYardsModule } from '../regulation-yards/regulation-yards.module.js';
import { VehicleEventsHub } from '../events/vehicle-events-hub.service.js';
import { VehicleEventsController } from './vehicle-events.controller.js';
import { VehicleStatusService } from './vehicle-status.service.js';
import { VehiclesController } from './vehicles.controller.js';

@Module({
  imports: [DeclarationsModule, ReturnsModule, RegulationYardsModule],
  controllers: [VehiclesController, VehicleEventsController],
  providers: [VehicleStatusService, VehicleEventsHub],
})
export class VehiclesModule {}
