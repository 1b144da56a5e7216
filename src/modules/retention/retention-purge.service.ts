import { Inject, Injectable } from '@nestjs/common';
import {
  type IdempotencyConfig,
  type RetentionConfig,
  idempotencyConfig,
  retentionConfig,
} from '../../config/config-groups.js';
import { CompanySessionsService } from '../companies/company-sessions.service.js';
import { DeclarationsRepository } from '../declarations/declarations.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { LoginPolicy } from '../officers/login-policy.js';
import { OfficersService } from '../officers/officers.service.js';

/** Rows per DELETE: short transactions and locks, little WAL at a time, no long hold on a busy table. */
export const PURGE_BATCH = 5000;

export interface PurgeResult {
  outboxMessages: number;
  idempotencyRecords: number;
  companySessions: number;
  loginThrottles: number;
}

/**
 * Deletes what is kept only for a while: relayed outbox messages, expired idempotency records, old company
 * portal sign-ins, login throttle rows that hold nothing back any more. Never the
 * audit log or declarations (docs/retention.md). Batched, each batch its own statement.
 */
@Injectable()
export class RetentionPurge {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly declarations: DeclarationsRepository,
    private readonly companySessions: CompanySessionsService,
    private readonly officers: OfficersService,
    private readonly loginPolicy: LoginPolicy,
    @Inject(idempotencyConfig.KEY) private readonly idempotencyConfig: IdempotencyConfig,
    @Inject(retentionConfig.KEY) private readonly retentionConfig: RetentionConfig,
  ) {}

  async purge(): Promise<PurgeResult> {
    return {
      outboxMessages: await inBatches((batch) =>
        this.outbox.purgeRelayed(this.retentionConfig.outboxRetentionDays, batch),
      ),
      // Past its lifetime a key is forgotten: the same key then starts a new request instead of replaying.
      idempotencyRecords: await inBatches((batch) =>
        this.declarations.purgeIdempotencyRecords(this.idempotencyConfig.keyRetentionDays, batch),
      ),
      companySessions: await inBatches((batch) => this.companySessions.purgeOld(batch)),
      loginThrottles: await inBatches((batch) => this.officers.purgeOldLoginThrottles(batch, this.loginPolicy.limits)),
    };
  }
}

async function inBatches(purgeBatch: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await purgeBatch(PURGE_BATCH);
    total += n;
    if (n < PURGE_BATCH) return total;
  }
}
