import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: {
    database: { ok: boolean; latencyMs?: number; error?: string };
    redis: { ok: boolean; latencyMs?: number; error?: string };
    worker: {
      ok: boolean;
      workersAlive: number;
      lastHeartbeatAt: string | null;
      oldestUnrelayedOutboxSeconds: number | null;
      oldestPendingScreeningSeconds: number | null;
      failedScreenings: number;
    };
  };
}

interface ProgressRow {
  workers_alive: number;
  last_beat: Date | null;
  outbox_age: number | null;
  pending_age: number | null;
  failed: number;
}

const HEARTBEAT_FRESH_SECONDS = 30;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

/**
 * Liveness of the parts and whether background work is moving: a worker has beaten recently and no
 * submission has waited for screening longer than the reconciler's threshold (twice over).
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly sql: Sql,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([this.probeDatabase(), this.probeRedis()]);
    const worker = database.ok ? await this.workerProgress() : this.unknownWorker();
    const status = !database.ok ? 'down' : redis.ok && worker.ok ? 'ok' : 'degraded';
    return { status, checks: { database, redis, worker } };
  }

  private async probeDatabase(): Promise<HealthReport['checks']['database']> {
    const started = Date.now();
    try {
      await withTimeout(this.sql.rows('SELECT 1'), 2000);
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async probeRedis(): Promise<HealthReport['checks']['redis']> {
    const started = Date.now();
    try {
      await withTimeout(this.redis.ping(), 2000);
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async workerProgress(): Promise<HealthReport['checks']['worker']> {
    const row = await this.sql.one<ProgressRow>(
      `SELECT
         (SELECT count(*)::int FROM worker_heartbeat WHERE beat_at > now() - make_interval(secs => $1)) AS workers_alive,
         (SELECT max(beat_at) FROM worker_heartbeat) AS last_beat,
         (SELECT extract(epoch FROM now() - min(created_at))::int FROM outbox_message WHERE relayed_at IS NULL) AS outbox_age,
         (SELECT extract(epoch FROM now() - min(created_at))::int FROM declaration
           WHERE status = 'submitted' AND screening_state = 'pending') AS pending_age,
         (SELECT count(*)::int FROM declaration WHERE status = 'submitted' AND screening_state = 'failed') AS failed`,
      [HEARTBEAT_FRESH_SECONDS],
    );
    const limitSeconds = (2 * this.screeningConfig.reconcileStaleAfterMs) / 1000;
    const moving = row!.pending_age === null || row!.pending_age < limitSeconds;
    return {
      ok: row!.workers_alive > 0 && moving,
      workersAlive: row!.workers_alive,
      lastHeartbeatAt: row!.last_beat ? row!.last_beat.toISOString() : null,
      oldestUnrelayedOutboxSeconds: row!.outbox_age,
      oldestPendingScreeningSeconds: row!.pending_age,
      failedScreenings: row!.failed,
    };
  }

  private unknownWorker(): HealthReport['checks']['worker'] {
    return {
      ok: false,
      workersAlive: 0,
      lastHeartbeatAt: null,
      oldestUnrelayedOutboxSeconds: null,
      oldestPendingScreeningSeconds: null,
      failedScreenings: 0,
    };
  }
}
