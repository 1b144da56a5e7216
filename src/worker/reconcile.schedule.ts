import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type ScreeningConfig, screeningConfig } from '../config/config-groups.js';
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
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    @InjectPinoLogger(ReconcileSchedule.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.screeningConfig.reconcileIntervalMs);
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
