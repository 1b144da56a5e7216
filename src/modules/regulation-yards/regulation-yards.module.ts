import { Module } from '@nestjs/common';

/** Regulation yards: trucks wait there and are called forward to the gate in the priority cycle's order. */
@Module({})
export class RegulationYardsModule {}
