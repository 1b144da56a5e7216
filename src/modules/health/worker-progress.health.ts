import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from '../../common/with-timeout.js';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { errorMessage, PROBE_TIMEOUT_MS } from './probe.js';

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
    private readonly sql: Sql,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check<const Key extends string>(key: Key) {
    const indicator = this.indicators.check(key);
    let row: ProgressRow;
    try {
      row = (await withTimeout(this.progress(), PROBE_TIMEOUT_MS, 'worker progress probe'))!;
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

  private progress(): Promise<ProgressRow | null> {
    return this.sql.one<ProgressRow>(
      `SELECT
         (SELECT count(*)::int FROM worker_heartbeat WHERE beat_at > now() - make_interval(secs => $1)) AS workers_alive,
         (SELECT max(beat_at) FROM worker_heartbeat) AS last_beat,
         (SELECT extract(epoch FROM now() - min(created_at))::int FROM outbox_message WHERE relayed_at IS NULL) AS outbox_age,
         (SELECT extract(epoch FROM now() - min(created_at))::int FROM declaration
           WHERE status = 'submitted' AND screening_state = 'pending') AS pending_age,
         (SELECT count(*)::int FROM declaration WHERE status = 'submitted' AND screening_state = 'failed') AS failed`,
      [HEARTBEAT_FRESH_SECONDS],
    );
  }
}
