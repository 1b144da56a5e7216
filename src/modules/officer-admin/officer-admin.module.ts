import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OfficersModule } from '../officers/officers.module.js';
import { OfficerAdminController } from './officer-admin.controller.js';

/** Officer accounts over HTTP, for the supervisors of their gates (the officers module holds the rules). */
@Module({
  imports: [AuthModule, OfficersModule],
  controllers: [OfficerAdminController],
})
export class OfficerAdminModule {}
