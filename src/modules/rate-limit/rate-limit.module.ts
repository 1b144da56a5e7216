import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RateLimitLeases } from './rate-limit-leases.service.js';
import { RateLimiter } from './rate-limiter.service.js';
import { RateLimitStore } from './rate-limit-store.service.js';

/** Request budgets per client address and per API key; the hook is registered in http-app.ts. */
@Module({
  imports: [CompaniesModule, MetricsModule],
  providers: [RateLimitStore, RateLimitLeases, RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
