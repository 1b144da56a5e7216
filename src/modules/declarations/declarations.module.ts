import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { AmendmentsController } from './amendments.controller.js';
import { DeclarationChangesService } from './declaration-changes.service.js';
import { DeclarationsController } from './declarations.controller.js';
import { DeclarationsRepository } from './declarations.repository.js';
import { DeclarationsService } from './declarations.service.js';
import { IdempotencyService } from './idempotency.service.js';

/** Companies' declarations: submit, read, list, amend, cancel; amendment requests; the declaration tables. */
@Module({})
export class DeclarationsModule {
  /** `stepsFrom` is the module that provides DeclarationStepsReader (clearance, which itself depends on this one). */
  static register(options: { stepsFrom: Type<unknown> }): DynamicModule {
    return {
      module: DeclarationsModule,
      imports: [CompaniesModule, AuthModule, options.stepsFrom],
      controllers: [DeclarationsController, AmendmentsController],
      providers: [DeclarationsService, DeclarationsRepository, IdempotencyService, DeclarationChangesService],
      exports: [DeclarationsRepository],
    };
  }
}
