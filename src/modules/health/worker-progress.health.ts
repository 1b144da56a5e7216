import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from '../../common/with-timeout.js';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { WorkerHeartbeatRepository } from '../../worker/worker-heartbeat.repository.js';
import { DeclarationsRepository } from '../declarations/declarations.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { PROBE_TIMEOUT_MS } from './probe.js';
import { errorMessage } from '../../common/errors/error-message.js';

interface ProgressRow {
  workers_alive: number;
  last_beat: Date | null;
  outbox_age: number | null;
  pending_age: number | null;
  failed: number;
}

const HEARTBEAT_FRESH_SECONDS = 30;

/**
 * Whether background work is moving: a worker has beaten recently and no submission has waited for screening
 * longer than the reconciler's threshold (twice over). `degraded` otherwise, or when it cannot be read.
 */
@Injectable()
export class WorkerProgressHealthIndicator {
  constructor(
    private readonly heartbeats: WorkerHeartbeatRepository,
    private readonly outbox: OutboxRepository,
    private readonly declarations: DeclarationsRepository,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check<const Key extends string>(key: Key) {
    const indicator = this.indicators.check(key);
    let row: ProgressRow;
    try {
      row = await withTimeout(this.progress(), PROBE_TIMEOUT_MS, 'worker progress probe');
    } catch (error) {
      return indicator.degraded({
        ok: false,
        workersAlive: 0,
        lastHeartbeatAt: null,
        oldestUnrelayedOutboxSeconds: null,
        oldestPendingScreeningSeconds: null,
        failedScreenings: 0,
        error: errorMessage(error),
      });
    }
    const limitSeconds = (2 * this.screeningConfig.reconcileStaleAfterMs) / 1000;
    const moving = row.pending_age === null || row.pending_age < limitSeconds;
    const details = {
      ok: row.workers_alive > 0 && moving,
      workersAlive: row.workers_alive,
      lastHeartbeatAt: row.last_beat ? row.last_beat.toISOString() : null,
      oldestUnrelayedOutboxSeconds: row.outbox_age,
      oldestPendingScreeningSeconds: row.pending_age,
      failedScreenings: row.failed,
    };
    return details.ok ? indicator.up(details) : indicator.degraded(details);
  }

  private async progress(): Promise<ProgressRow> {
    const [liveness, outboxAge, backlog] = await Promise.all([
      this.heartbeats.liveness(HEARTBEAT_FRESH_SECONDS),
      this.outbox.oldestUnrelayedSeconds(),
      this.declarations.screeningBacklog(),
    ]);
    return { ...liveness, outbox_age: outboxAge, ...backlog };
  }
}
