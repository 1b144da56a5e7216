import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { FeesModule } from '../fees/fees.module.js';
import { AmendmentsController } from './amendments.controller.js';
import { DeclarationChangesService } from './declaration-changes.service.js';
import { DeclarationsController } from './declarations.controller.js';
import { DeclarationsModule } from './declarations.module.js';
import { DeclarationsService } from './declarations.service.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { IdempotentWriteInterceptor } from './idempotent-write.interceptor.js';
import { OfficerDeclarationsController } from './officer-declarations.controller.js';
import { OfficerDeclarationsService } from './officer-declarations.service.js';

/**
 * Companies' declarations over HTTP: submit, read, list, amend, cancel; officers' view of a declaration at their
 * gate; supervisors' amendment decisions; the Idempotency-Key of every write (`@Idempotent()`).
 */
@Module({})
export class DeclarationsApiModule {
  /**
   * `stepsFrom` provides DeclarationStepsReader and DeclarationYardReader: clearance (and the regulation yards it
   * passes on), which themselves depend on declarations.
   */
  static register(options: { stepsFrom: Type<unknown> }): DynamicModule {
    return {
      module: DeclarationsApiModule,
      imports: [DeclarationsModule, CompaniesModule, AuthModule, FeesModule, options.stepsFrom],
      controllers: [DeclarationsController, AmendmentsController, OfficerDeclarationsController],
      providers: [
        DeclarationsService,
        IdempotencyService,
        DeclarationChangesService,
        OfficerDeclarationsService,
        IdempotencyKeysRepository,
        // Global: every module's writes marked @Idempotent() (clearance, gates, webhooks, and these).
        { provide: APP_INTERCEPTOR, useClass: IdempotentWriteInterceptor },
      ],
    };
  }
}
