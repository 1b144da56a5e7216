import { Module } from '@nestjs/common';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { RegulationYardsModule } from '../regulation-yards/regulation-yards.module.js';
import { ReturnsModule } from '../returns/returns.module.js';
import { SlotsModule } from '../slots/slots.module.js';
import { BoardWarningRepository } from './board-warning.repository.js';
import { GateBoardService } from './gate-board.service.js';

/**
 * The gate board's figures, its 12-hour forecast and the history of its warning levels: for the API (the board and
 * its live stream) and the worker (BoardWatch).
 */
@Module({
  imports: [DeclarationsModule, ReturnsModule, SlotsModule, RegulationYardsModule],
  providers: [GateBoardService, BoardWarningRepository],
  exports: [GateBoardService, BoardWarningRepository],
})
export class GateBoardModule {}
