import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { EntityManager } from 'typeorm';
import {
  type QueueConfig,
  type ScreeningConfig,
  type WorkerConfig,
  queueConfig,
  screeningConfig,
  workerConfig,
} from '../../config/config-groups.js';
import { PollingLoop } from '../../common/polling-loop.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { AUDIT_RECORDS_BATCH, type AuditRecordRow, AuditLogRepository } from '../declarations/audit-log.repository.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { isRedisUnavailable } from '../queue/redis.js';
import type { DomainEvent } from './domain-event.js';
import { type EventSink, vehicleEventsChannel, type VehicleStatusMessage, WEBHOOK_EVENT_SINK } from './event-sink.js';
import { callOf, eventTypeOf, returnWordOf } from './event-types.js';

/**
 * Reads the audit log in commit order from a stored cursor and hands each public event on: to webhook
 * deliveries (in the same transaction as the cursor moves: none lost, none doubled) and, after commit, to
 * every API process over Redis pub/sub for live updates. One dispatcher at a time holds the cursor row;
 * others skip it.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly sql: Sql,
    private readonly auditLog: AuditLogRepository,
    @Inject(workerConfig.KEY) private readonly workerConfig: WorkerConfig,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @Inject(WEBHOOK_EVENT_SINK) private readonly webhooks: EventSink,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    @InjectPinoLogger(EventDispatcher.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.workerConfig.eventsDispatcherEnabled) this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Dispatches one batch of the audit log; returns how many records it read (0 when idle or not its turn). */
  async dispatchBatch(): Promise<number> {
    const { read, events } = await this.sql.dataSource.transaction(async (manager) => {
      const cursor = await rowsIn<{ seq: string }>(
        manager,
        `SELECT seq FROM event_cursor WHERE name = 'dispatcher' FOR UPDATE SKIP LOCKED`,
      );
      if (!cursor[0]) return { read: 0, events: [] };
      const rows = await this.auditLog.sealedAfter(manager, cursor[0].seq);
      if (rows.length === 0) return { read: 0, events: [] };
      const batch = rows.flatMap((row) => toDomainEvent(row) ?? []);
      if (batch.length > 0) await this.webhooks.accept(manager, batch);
      await this.advance(manager, rows[rows.length - 1].seq);
      return { read: rows.length, events: batch };
    });
    await this.publish(events);
    return read;
  }

  private async advance(manager: EntityManager, seq: string): Promise<void> {
    await rowsIn(manager, `UPDATE event_cursor SET seq = $1 WHERE name = 'dispatcher'`, [seq]);
  }

  // Best effort: a live viewer who misses one catches up from the audit log when it reconnects (Last-Event-ID).
  private async publish(events: DomainEvent[]): Promise<void> {
    const moves = events.filter((e) => e.type.startsWith('declaration.') && e.step === null);
    if (moves.length === 0) return;
    const channel = vehicleEventsChannel(this.queueConfig.prefix);
    try {
      const pipeline = this.redis.pipeline();
      for (const e of moves) {
        const message: VehicleStatusMessage = {
          seq: e.seq,
          plate: e.plate,
          status: e.status,
          gate: e.gate,
          at: e.occurredAt,
          ...(e.returnState ? { returnState: e.returnState } : {}),
          ...(e.call ? { call: e.call } : {}),
        };
        pipeline.publish(channel, JSON.stringify(message));
      }
      await pipeline.exec();
    } catch (error) {
      // Redis away: the outage is logged once for the process (RedisOutage).
      if (isRedisUnavailable(error)) return;
      this.logger.warn(
        { component: 'event-dispatcher', err: error },
        'live updates not published; viewers catch up on reconnect',
      );
    }
  }

  /** One dispatch run; returns the pause before the next (none after a full batch). */
  private async step(): Promise<number> {
    try {
      if ((await this.dispatchBatch()) === AUDIT_RECORDS_BATCH) return 0;
    } catch (error) {
      this.logger.warn({ component: 'event-dispatcher', err: error }, 'dispatch failed; will retry');
    }
    return this.screeningConfig.outboxPollIntervalMs;
  }
}

export function toDomainEvent(row: AuditRecordRow): DomainEvent | null {
  const type = eventTypeOf(row.action, row.to_status);
  if (!type) return null;
  return {
    seq: Number(row.seq),
    type,
    occurredAt: row.at.toISOString(),
    declarationId: row.declaration_id,
    companyId: row.company_id,
    reference: row.reference,
    plate: row.plate,
    gate: row.gate_code,
    direction: row.direction,
    status: row.status_then,
    // The step's status as of this record (it may have moved on since): the action says which.
    step:
      row.step_id && row.step_agency
        ? { id: row.step_id, agency: row.step_agency, status: row.action.slice('step.'.length) }
        : null,
    returnState: returnWordOf(row.action),
    call: callOf(row.action, row.note),
  };
}
