import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Sql } from '../database/sql.js';

const BEAT_MS = 5000;

/** Each worker process records that it is alive and how much it did, so /health can tell progress from a stall. */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnModuleDestroy {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private completed = 0;
  private failed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sql: Sql) {}

  recordCompleted(): void {
    this.completed += 1;
  }

  recordFailed(): void {
    this.failed += 1;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), BEAT_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sql.rows('DELETE FROM worker_heartbeat WHERE worker_id = $1', [this.workerId]).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.sql.rows(
      `INSERT INTO worker_heartbeat (worker_id, started_at, beat_at, jobs_completed, jobs_failed)
       VALUES ($1, now(), now(), $2, $3)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = now(), jobs_completed = $2, jobs_failed = $3`,
      [this.workerId, this.completed, this.failed],
    );
    await this.sql.rows(`DELETE FROM worker_heartbeat WHERE beat_at < now() - interval '1 day'`);
  }
}
