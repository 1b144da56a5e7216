import { Module } from '@nestjs/common';
import { OfficerAdministrationService } from './officer-administration.service.js';
import { OfficersService } from './officers.service.js';

@Module({
  providers: [OfficersService, OfficerAdministrationService],
  exports: [OfficersService, OfficerAdministrationService],
})
export class OfficersModule {}
