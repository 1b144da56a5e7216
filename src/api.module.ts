import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter.js';
import { StrictValidationPipe } from './common/http/validation.pipe.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CompaniesApiModule } from './modules/companies/companies-api.module.js';
import { GatesModule } from './modules/gates/gates.module.js';
import { RegulationYardsModule } from './modules/regulation-yards/regulation-yards.module.js';
import { ClearanceModule } from './modules/clearance/clearance.module.js';
import { DeclarationsApiModule } from './modules/declarations/declarations-api.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { QueueBoardModule } from './modules/queue-board/queue-board.module.js';
import { OfficerAdminModule } from './modules/officer-admin/officer-admin.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module.js';
import { StatsApiModule } from './modules/stats/stats-api.module.js';
import { SlotsApiModule } from './modules/slots/slots-api.module.js';
import { VehiclesModule } from './modules/vehicles/vehicles.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

/** The HTTP API. Global pipe and filter are providers here, so a test app built from it behaves as production. */
@Module({
  imports: [
    AuditModule,
    AuthModule,
    CompaniesApiModule,
    DeclarationsApiModule.register({ stepsFrom: ClearanceModule }),
    ClearanceModule,
    RegulationYardsModule,
    VehiclesModule,
    HealthModule,
    WebhooksModule,
    GatesModule,
    SlotsApiModule,
    OfficerAdminModule,
    StatsApiModule,
    MetricsModule,
    QueueBoardModule,
    RateLimitModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: StrictValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class ApiModule {}
