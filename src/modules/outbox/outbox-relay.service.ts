import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type ScreeningConfig, screeningConfig } from '../../config/config-groups.js';
import { PollingLoop } from '../../common/polling-loop.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { QueueRegistry } from '../queue/queue-registry.service.js';
import { isRedisUnavailable } from '../queue/redis.js';

interface PendingMessage {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: Record<string, string>;
  delay_ms: number;
}

const BATCH = 200;

/**
 * Moves outbox messages from PostgreSQL into BullMQ. Rows are locked with SKIP LOCKED so several workers
 * can relay side by side, and marked relayed only in the transaction that saw BullMQ accept them; a
 * message relayed twice carries the same jobId, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());
  private failing = false;
  /** Whether the current run of failures was logged (an outage of Redis is logged by RedisOutage instead). */
  private failureLogged = false;

  constructor(
    private readonly sql: Sql,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    private readonly queues: QueueRegistry,
    @InjectPinoLogger(OutboxRelay.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Relays one batch; returns how many messages went to BullMQ. */
  async relayBatch(): Promise<number> {
    return this.sql.dataSource.transaction(async (manager) => {
      const batch = await rowsIn<PendingMessage>(
        manager,
        `SELECT id, queue, job_name, job_id, payload,
                greatest(0, ceil(extract(epoch FROM run_at - now()) * 1000))::int AS delay_ms
           FROM outbox_message
          WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (batch.length === 0) return 0;
      const byQueue = new Map<string, PendingMessage[]>();
      for (const m of batch) byQueue.set(m.queue, [...(byQueue.get(m.queue) ?? []), m]);
      for (const [queue, messages] of byQueue) {
        await this.queues
          .get(queue)
          .addBulk(
            messages.map((m) => ({ name: m.job_name, data: m.payload, opts: { jobId: m.job_id, delay: m.delay_ms } })),
          );
      }
      await rowsIn(
        manager,
        `UPDATE outbox_message SET relayed_at = now(), relay_attempts = relay_attempts + 1 WHERE id = ANY($1::bigint[])`,
        [batch.map((m) => m.id)],
      );
      return batch.length;
    });
  }

  /** One relay run; returns the pause before the next (none after a full batch, longer while failing). */
  private async step(): Promise<number> {
    let relayed = 0;
    try {
      relayed = await this.relayBatch();
      if (this.failureLogged) this.logger.info({ component: 'outbox-relay' }, 'relaying again');
      this.failing = false;
      this.failureLogged = false;
    } catch (error) {
      if (!this.failureLogged && !isRedisUnavailable(error)) {
        this.logger.warn({ component: 'outbox-relay', err: error }, 'cannot relay outbox; messages stay in PostgreSQL');
        this.failureLogged = true;
      }
      this.failing = true;
    }
    if (relayed === BATCH) return 0;
    return this.failing ? 1000 : this.screeningConfig.outboxPollIntervalMs;
  }
}
