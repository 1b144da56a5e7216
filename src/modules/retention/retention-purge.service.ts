import { Inject, Injectable } from '@nestjs/common';
import {
  type IdempotencyConfig,
  type RetentionConfig,
  idempotencyConfig,
  retentionConfig,
} from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';

/** Rows per DELETE: short transactions and locks, little WAL at a time, no long hold on a busy table. */
export const PURGE_BATCH = 5000;

export interface PurgeResult {
  outboxMessages: number;
  idempotencyRecords: number;
}

// Relayed messages are done with: BullMQ has the job (or finished it) under its deterministic jobId.
const PURGE_OUTBOX = `
WITH gone AS (
  DELETE FROM outbox_message WHERE ctid IN (
    SELECT ctid FROM outbox_message
     WHERE relayed_at IS NOT NULL AND relayed_at < now() - make_interval(days => $1)
     LIMIT ${PURGE_BATCH})
  RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

// Past its lifetime a key is forgotten: the same key then starts a new request instead of replaying.
const PURGE_IDEMPOTENCY = `
WITH gone AS (
  DELETE FROM idempotency_record WHERE ctid IN (
    SELECT ctid FROM idempotency_record WHERE created_at < now() - make_interval(days => $1) LIMIT ${PURGE_BATCH})
  RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

/**
 * Deletes what is kept only for a while: relayed outbox messages and expired idempotency records. Never the
 * audit log or declarations (docs/retention.md). Batched, each batch its own statement.
 */
@Injectable()
export class RetentionPurge {
  constructor(
    private readonly sql: Sql,
    @Inject(idempotencyConfig.KEY) private readonly idempotencyConfig: IdempotencyConfig,
    @Inject(retentionConfig.KEY) private readonly retentionConfig: RetentionConfig,
  ) {}

  async purge(): Promise<PurgeResult> {
    return {
      outboxMessages: await this.inBatches(PURGE_OUTBOX, this.retentionConfig.outboxRetentionDays),
      idempotencyRecords: await this.inBatches(PURGE_IDEMPOTENCY, this.idempotencyConfig.keyRetentionDays),
    };
  }

  private async inBatches(statement: string, days: number): Promise<number> {
    let total = 0;
    for (;;) {
      const { n } = (await this.sql.one<{ n: number }>(statement, [days]))!;
      total += n;
      if (n < PURGE_BATCH) return total;
    }
  }
}
