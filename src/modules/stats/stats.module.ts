import { Module } from '@nestjs/common';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { FeeCollectionsRepository } from './fee-collections.repository.js';
import { StatsRollupService } from './stats-rollup.service.js';

/** The daily_stats rollup; used by the worker's repeatable job and by `stats:rebuild`. */
@Module({
  imports: [DeclarationsModule],
  providers: [StatsRollupService, FeeCollectionsRepository],
  exports: [StatsRollupService],
})
export class StatsModule {}
