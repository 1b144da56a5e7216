import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/polling-loop.js';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { REMINDER_BATCH, ReturnsRepository } from './returns.repository.js';

/**
 * Every RETURNS_WATCH_INTERVAL_MS: an audit record `return.due_soon` for each vehicle whose warning time came and
 * `return.overdue` for each whose deadline passed, once each; the event dispatcher tells the company's webhooks
 * and the plate's live viewers. Safe with several workers (each reminder is one statement that skips locked rows).
 */
@Injectable()
export class ReturnsWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly returns: ReturnsRepository,
    @Inject(clearanceConfig.KEY) private readonly config: ClearanceConfig,
    @InjectPinoLogger(ReturnsWatch.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** One run: warnings first, then deadlines; how many reminders of each went out. */
  async watch(): Promise<{ dueSoon: number; overdue: number }> {
    const dueSoon = await this.returns.warnDueSoon();
    const overdue = await this.returns.reportOverdue();
    if (dueSoon || overdue) this.logger.info({ component: 'returns-watch', dueSoon, overdue }, 'return reminders');
    return { dueSoon, overdue };
  }

  private async step(): Promise<number> {
    try {
      const { dueSoon, overdue } = await this.watch();
      if (dueSoon === REMINDER_BATCH || overdue === REMINDER_BATCH) return 0;
    } catch (error) {
      this.logger.warn({ component: 'returns-watch', err: error }, 'return reminders not sent; will retry');
    }
    return this.config.returnsWatchIntervalMs;
  }
}
