import { Module } from '@nestjs/common';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { WatchlistModule } from '../watchlist/watchlist.module.js';
import { SlotsModule } from '../slots/slots.module.js';
import { ScreeningReconciler } from './screening-reconciler.service.js';
import { ScreeningService } from './screening.service.js';

/** Screening logic and re-driving; usable from the worker and the CLI. */
@Module({
  imports: [DeclarationsModule, WatchlistModule, SlotsModule],
  providers: [ScreeningService, ScreeningReconciler],
  exports: [ScreeningService, ScreeningReconciler],
})
export class ScreeningModule {}
