import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/polling-loop.js';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';

const BATCH = 2000;

/**
 * Chains committed audit records (worker). Writers only insert; `audit_seal()` gives each new record its seq
 * and hash in insertion order, one sealer at a time across all workers (the chain head is taken with SKIP
 * LOCKED), so no writer waits on the chain (see migrations/1795755600000-AuditSealing.ts).
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly sql: Sql,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    @InjectPinoLogger(AuditSealer.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Seals up to `max` records; returns how many (0 when none are waiting or another sealer is at work). */
  async sealBatch(max = BATCH): Promise<number> {
    const row = await this.sql.one<{ sealed: number }>('SELECT audit_seal($1) AS sealed', [max]);
    return row?.sealed ?? 0;
  }

  private async step(): Promise<number> {
    try {
      if ((await this.sealBatch()) === BATCH) return 0;
    } catch (error) {
      this.logger.warn({ component: 'audit-sealer', err: error }, 'sealing failed; will retry');
    }
    return this.screeningConfig.outboxPollIntervalMs;
  }
}
