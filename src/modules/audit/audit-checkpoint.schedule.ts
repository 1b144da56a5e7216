import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/polling-loop.js';
import { type AuditConfig, auditConfig } from '../../config/config-groups.js';
import { AuditCheckpoints } from './audit-checkpoints.service.js';

/** Writes a checkpoint every AUDIT_CHECKPOINT_INTERVAL_MS when the head moved, and a last one on clean shutdown. */
@Injectable()
export class AuditCheckpointSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly checkpoints: AuditCheckpoints,
    @Inject(auditConfig.KEY) private readonly config: AuditConfig,
    @InjectPinoLogger(AuditCheckpointSchedule.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.checkpoint();
  }

  private async step(): Promise<number> {
    await this.checkpoint();
    return this.config.checkpointIntervalMs;
  }

  private async checkpoint(): Promise<void> {
    try {
      const { written, checkpoint } = await this.checkpoints.write();
      if (written)
        this.logger.info({ component: 'audit-checkpoint', seq: checkpoint?.seq }, 'audit checkpoint written');
    } catch (error) {
      this.logger.error({ component: 'audit-checkpoint', err: error }, 'audit checkpoint not written; will retry');
    }
  }
}
