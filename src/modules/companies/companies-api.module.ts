import { Module } from '@nestjs/common';
import { OfficersModule } from '../officers/officers.module.js';
import { CompaniesModule } from './companies.module.js';
import { CompanyApiKeysController } from './company-api-keys.controller.js';
import { CompanySessionController } from './company-session.controller.js';
import { CompanyUsersController } from './company-users.controller.js';

/** The company portal's own API: signing in, the company's people and its API keys. */
@Module({
  imports: [CompaniesModule, OfficersModule],
  controllers: [CompanySessionController, CompanyUsersController, CompanyApiKeysController],
})
export class CompaniesApiModule {}
