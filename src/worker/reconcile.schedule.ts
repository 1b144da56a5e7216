import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { LOGGER } from '../common/logging/logger.tokens.js';
import { ExpiryService } from '../modules/clearance/expiry.service.js';
import { ScreeningReconciler } from '../modules/screening/screening-reconciler.service.js';
import { WebhookReconciler } from '../modules/webhooks/webhook-reconciler.service.js';

/**
 * Runs the screening and webhook reconcilers and the expiry sweep on a timer inside worker processes. A plain timer rather than a BullMQ repeatable
 * job on purpose: it must keep working when Redis is the thing that failed. Passes from several workers
 * do not collide (the stuck rows are claimed with SKIP LOCKED).
 */
@Injectable()
export class ReconcileSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly reconciler: ScreeningReconciler,
    private readonly expiry: ExpiryService,
    private readonly webhooks: WebhookReconciler,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.reconciler.reconcileOnce();
      await this.expiry.sweep();
      await this.webhooks.reconcileOnce();
    } catch (error) {
      this.logger.warn({ component: 'screening-reconciler', err: error }, 'reconcile pass failed; will retry');
    } finally {
      this.busy = false;
    }
  }
}
