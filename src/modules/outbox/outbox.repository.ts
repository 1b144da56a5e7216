import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';

/** The outbox's statements for other modules: its backlog for /health and /metrics, and the purge of relayed rows. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly sql: Sql) {}

  /** Count of unrelayed messages and the age of the oldest, in seconds (null when none waits). */
  async backlog(): Promise<{ unrelayed: number; oldest_seconds: number | null }> {
    // Both use the partial index on unrelayed messages; ids grow with creation time.
    const row = await this.sql.one<{ unrelayed: number; oldest_seconds: number | null }>(
      `SELECT (SELECT count(*)::int FROM outbox_message WHERE relayed_at IS NULL) AS unrelayed,
                    (SELECT extract(epoch FROM now() - created_at)::float8 FROM outbox_message
                      WHERE relayed_at IS NULL ORDER BY id LIMIT 1) AS oldest_seconds`,
    );
    return row ?? { unrelayed: 0, oldest_seconds: null };
  }

  /** Whole seconds since the oldest unrelayed message was written; null when none waits. */
  async oldestUnrelayedSeconds(): Promise<number | null> {
    const row = await this.sql.one<{ outbox_age: number | null }>(
      `SELECT (SELECT extract(epoch FROM now() - min(created_at))::int FROM outbox_message WHERE relayed_at IS NULL) AS outbox_age`,
    );
    return row?.outbox_age ?? null;
  }

  /**
   * Deletes one batch of messages relayed more than `days` ago; how many went. Relayed messages are done with:
   * BullMQ has the job (or finished it) under its deterministic jobId.
   */
  async purgeRelayed(days: number, batch: number): Promise<number> {
    const row = await this.sql.one<{ n: number }>(
      `WITH gone AS (
  DELETE FROM outbox_message WHERE ctid IN (
    SELECT ctid FROM outbox_message
     WHERE relayed_at IS NOT NULL AND relayed_at < now() - make_interval(days => $1)
     LIMIT $2)
  RETURNING 1)
SELECT count(*)::int AS n FROM gone`,
      [days, batch],
    );
    return row!.n;
  }
}
