import { Module } from '@nestjs/common';
import { WatchlistModule } from '../watchlist/watchlist.module.js';
import { ScreeningReconciler } from './screening-reconciler.service.js';
import { ScreeningService } from './screening.service.js';

/** Screening logic and re-driving; usable from the worker and the CLI. */
@Module({
  imports: [WatchlistModule],
  providers: [ScreeningService, ScreeningReconciler],
  exports: [ScreeningService, ScreeningReconciler],
})
export class ScreeningModule {}
