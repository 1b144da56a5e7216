import { Module } from '@nestjs/common';
import { CompaniesService } from './companies.service.js';
import { CompanyAuthGuard } from './company-auth.guard.js';

@Module({
  providers: [CompaniesService, CompanyAuthGuard],
  exports: [CompaniesService, CompanyAuthGuard],
})
export class CompaniesModule {}
