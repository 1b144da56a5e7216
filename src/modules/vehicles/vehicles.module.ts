import { Module } from '@nestjs/common';
import { VehicleEventsHub } from '../events/vehicle-events.hub.js';
import { VehicleEventsController } from './vehicle-events.controller.js';
import { VehicleStatusService } from './vehicle-status.service.js';
import { VehiclesController } from './vehicles.controller.js';

@Module({
  controllers: [VehiclesController, VehicleEventsController],
  providers: [VehicleStatusService, VehicleEventsHub],
})
export class VehiclesModule {}
