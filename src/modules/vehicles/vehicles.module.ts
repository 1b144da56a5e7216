import { Module } from '@nestjs/common';
import { VehicleStatusService } from './vehicle-status.service.js';
import { VehiclesController } from './vehicles.controller.js';

@Module({ controllers: [VehiclesController], providers: [VehicleStatusService] })
export class VehiclesModule {}
