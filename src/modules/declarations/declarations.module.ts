import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { AmendmentsController } from './amendments.controller.js';
import { DeclarationChangesService } from './declaration-changes.service.js';
import { DeclarationsController } from './declarations.controller.js';
import { DeclarationsRepository } from './declarations.repository.js';
import { DeclarationsService } from './declarations.service.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({
  imports: [CompaniesModule, AuthModule],
  controllers: [DeclarationsController, AmendmentsController],
  providers: [DeclarationsService, DeclarationsRepository, IdempotencyService, DeclarationChangesService],
  exports: [DeclarationsRepository],
})
export class DeclarationsModule {}
