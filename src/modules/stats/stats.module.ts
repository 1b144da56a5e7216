import { Module } from '@nestjs/common';
import { StatsRollupService } from './stats-rollup.service.js';

/** The daily_stats rollup; used by the worker's repeatable job and by `stats:rebuild`. */
@Module({
  providers: [StatsRollupService],
  exports: [StatsRollupService],
})
export class StatsModule {}
