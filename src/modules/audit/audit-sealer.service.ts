import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/polling-loop.js';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { unsealedBehindHeadGauge } from './audit-metrics.js';
import { AuditVerifier } from './audit-verifier.service.js';

const BATCH = 2000;

/**
 * Chains committed audit records (worker). Writers only insert; `audit_seal()` gives each new record its seq
 * and hash in insertion order, one sealer at a time across all workers (the chain head is taken with SKIP
 * LOCKED), so no writer waits on the chain (see migrations/1795755600000-AuditSealing.ts). A record it has
 * passed is never sealed again (migrations/1800400000000-SealInOrderOnly.ts): one found unsealed there is
 * reported at error level and in `border_gate_audit_unsealed_behind_head`.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());
  private reportedBehindHead = 0;

  constructor(
    private readonly sql: Sql,
    private readonly verifier: AuditVerifier,
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
      await this.reportUnsealedBehindHead();
    } catch (error) {
      this.logger.warn({ component: 'audit-sealer', err: error }, 'sealing failed; will retry');
    }
    return this.screeningConfig.outboxPollIntervalMs;
  }

  private async reportUnsealedBehindHead(): Promise<void> {
    const blanked = await this.verifier.unsealedBehindHead();
    unsealedBehindHeadGauge.set(blanked.length);
    // Once per change, not every poll: the records stay until an operator has dealt with them.
    if (blanked.length && blanked.length !== this.reportedBehindHead) {
      this.logger.error(
        { component: 'audit-sealer', records: blanked.map((r) => r.id) },
        'audit records sealed before have lost their seal; they are not sealed again (run audit:verify)',
      );
    }
    this.reportedBehindHead = blanked.length;
  }
}
