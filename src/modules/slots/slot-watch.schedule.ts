import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/polling-loop.js';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { NO_SHOW_BATCH, SlotWatchService } from './slot-watch.service.js';

/**
 * Every SLOT_WATCH_INTERVAL_MS: the booked trucks that did not come lose their hour (`slot.no_show`), late
 * cancellations and no-shows count as strikes, and strikes reaching a limit suspend booking (`booking.suspended`).
 */
@Injectable()
export class SlotWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly watch: SlotWatchService,
    @Inject(clearanceConfig.KEY) private readonly config: ClearanceConfig,
    @InjectPinoLogger(SlotWatch.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async step(): Promise<number> {
    try {
      const result = await this.watch.runOnce();
      if (result.noShows || result.strikes || result.suspensions) {
        this.logger.info({ component: 'slot-watch', ...result }, 'bookings watched');
      }
      if (result.noShows >= NO_SHOW_BATCH) return 0;
    } catch (error) {
      this.logger.warn({ component: 'slot-watch', err: error }, 'bookings not watched; will retry');
    }
    return this.config.slotWatchIntervalMs;
  }
}
