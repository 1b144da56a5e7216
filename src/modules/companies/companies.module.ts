import { Module } from '@nestjs/common';
import { CompaniesService } from './companies.service.js';
import { CompanyAuthGuard } from './company-auth.guard.js';
import { CompanySessionsService } from './company-sessions.service.js';
import { CompanyUsersService } from './company-users.service.js';

@Module({
  providers: [CompaniesService, CompanyUsersService, CompanySessionsService, CompanyAuthGuard],
  exports: [CompaniesService, CompanyUsersService, CompanySessionsService, CompanyAuthGuard],
})
export class CompaniesModule {}
