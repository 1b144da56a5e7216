import { Module } from '@nestjs/common';
import { LoginPolicy } from './login-policy.js';
import { OfficerAdministrationService } from './officer-administration.service.js';
import { OfficersService } from './officers.service.js';

@Module({
  providers: [OfficersService, OfficerAdministrationService, LoginPolicy],
  exports: [OfficersService, OfficerAdministrationService, LoginPolicy],
})
export class OfficersModule {}
