import { Module } from '@nestjs/common';
import { YardCountsRepository } from './yard-counts.repository.js';

/** Regulation yards: trucks wait there and are called forward to the gate in the priority cycle's order. */
@Module({
  providers: [YardCountsRepository],
  exports: [YardCountsRepository],
})
export class RegulationYardsModule {}
