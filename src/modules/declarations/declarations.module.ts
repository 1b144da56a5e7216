import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { DeclarationsController } from './declarations.controller.js';
import { DeclarationsRepository } from './declarations.repository.js';
import { DeclarationsService } from './declarations.service.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({
  imports: [CompaniesModule],
  controllers: [DeclarationsController],
  providers: [DeclarationsService, DeclarationsRepository, IdempotencyService],
  exports: [DeclarationsRepository],
})
export class DeclarationsModule {}
