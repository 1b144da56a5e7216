import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DailyStatsService } from './daily-stats.service.js';
import { FeeCollectionsRepository } from './fee-collections.repository.js';
import { FeeExportService } from './fee-export.service.js';
import { FeesExportController } from './fees-export.controller.js';
import { StatsController } from './stats.controller.js';

/** GET /api/v1/stats/daily for supervisors, served from the rollup; the fees collected as CSV for the finance office. */
@Module({
  imports: [AuthModule],
  controllers: [StatsController, FeesExportController],
  providers: [DailyStatsService, FeeCollectionsRepository, FeeExportService],
})
export class StatsApiModule {}
