import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DailyStatsService } from './daily-stats.service.js';
import { StatsController } from './stats.controller.js';

/** GET /api/v1/stats/daily for supervisors, served from the rollup. */
@Module({
  imports: [AuthModule],
  controllers: [StatsController],
  providers: [DailyStatsService],
})
export class StatsApiModule {}
