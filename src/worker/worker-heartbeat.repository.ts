import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql.js';

/** The worker_heartbeat table: each worker process's beats (WorkerHeartbeat), read back by /health. */
@Injectable()
export class WorkerHeartbeatRepository {
  constructor(private readonly sql: Sql) {}

  /** Records a beat with the job counts so far, and forgets workers silent for a day. */
  async beat(workerId: string, completed: number, failed: number): Promise<void> {
    await this.sql.rows(
      `INSERT INTO worker_heartbeat (worker_id, started_at, beat_at, jobs_completed, jobs_failed)
       VALUES ($1, now(), now(), $2, $3)
       ON CONFLICT (worker_id) DO UPDATE SET beat_at = now(), jobs_completed = $2, jobs_failed = $3`,
      [workerId, completed, failed],
    );
    await this.sql.rows(`DELETE FROM worker_heartbeat WHERE beat_at < now() - interval '1 day'`);
  }

  async remove(workerId: string): Promise<void> {
    await this.sql.rows('DELETE FROM worker_heartbeat WHERE worker_id = $1', [workerId]);
  }

  /** Workers that beat within `freshSeconds`, and the last beat of any. */
  async liveness(freshSeconds: number): Promise<{ workers_alive: number; last_beat: Date | null }> {
    const row = await this.sql.one<{ workers_alive: number; last_beat: Date | null }>(
      `SELECT
         (SELECT count(*)::int FROM worker_heartbeat WHERE beat_at > now() - make_interval(secs => $1)) AS workers_alive,
         (SELECT max(beat_at) FROM worker_heartbeat) AS last_beat`,
      [freshSeconds],
    );
    return row ?? { workers_alive: 0, last_beat: null };
  }
}
