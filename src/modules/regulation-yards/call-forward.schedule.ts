import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/polling-loop.js';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { CallForwardService } from './call-forward.service.js';

/**
 * Every CALL_FORWARD_INTERVAL_MS: one run of the call forward (missed calls, then new calls for each gate). Safe with
 * several workers: each gate's run holds its priority cycle row.
 */
@Injectable()
export class CallForward implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly callForward: CallForwardService,
    @Inject(clearanceConfig.KEY) private readonly config: ClearanceConfig,
    @InjectPinoLogger(CallForward.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async step(): Promise<number> {
    try {
      const run = await this.callForward.runOnce();
      if (run.called || run.missed || run.expired)
        this.logger.info({ component: 'call-forward', ...run }, 'call forward');
    } catch (error) {
      this.logger.warn({ component: 'call-forward', err: error }, 'call forward failed; will retry');
    }
    return this.config.callForwardIntervalMs;
  }
}
