import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { Queues } from '../queue/queue.module.js';
import { ScheduledJob } from '../queue/scheduled-job.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { PartitionMaintenance } from './partition-maintenance.service.js';
import { RetentionPurge } from './retention-purge.service.js';

export const RETENTION_SCHEDULER_ID = 'daily-retention';
/** 03:15 at the gates: the quietest hour, and well inside a month, so a late run is never a missing partition. */
export const RETENTION_SCHEDULE = { pattern: '15 3 * * *', tz: 'Asia/Ho_Chi_Minh' };

/**
 * The daily maintenance job: monthly partitions made ahead, then relayed outbox messages and expired
 * idempotency records purged. Partitions are also ensured straight away at worker start, without Redis, so a
 * worker that starts during a Redis outage still keeps the audit log writable. Both steps are idempotent.
 */
@Injectable()
export class RetentionWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private job: ScheduledJob | null = null;

  constructor(
    private readonly partitions: PartitionMaintenance,
    private readonly purge: RetentionPurge,
    private readonly queues: Queues,
    private readonly heartbeat: WorkerHeartbeat,
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @InjectPinoLogger(RetentionWorker.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.job = new ScheduledJob({
      queue: QueueName.Maintenance,
      job: JobName.DailyRetention,
      schedulerId: RETENTION_SCHEDULER_ID,
      repeat: RETENTION_SCHEDULE,
      keep: 30,
      description: 'daily retention',
      run: () => this.daily(),
      queues: this.queues,
      queueConfig: this.queueConfig,
      logger: this.logger,
      counters: this.heartbeat,
    });
    void this.ensureAtStart();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job?.close();
  }

  private async ensureAtStart(): Promise<void> {
    try {
      const ensured = await this.partitions.ensureAhead();
      this.logger.info({ component: 'retention', partitions: ensured }, 'monthly partitions ensured');
    } catch (error) {
      this.logger.warn(
        { component: 'retention', err: error },
        'could not ensure partitions at start; the daily job will',
      );
    }
  }

  private async daily(): Promise<string> {
    const ensured = await this.partitions.ensureAhead();
    const purged = await this.purge.purge();
    const made = ensured.map((p) => `${p.table} ${p.from}..${p.to}: ${p.created} created`).join('; ');
    return `${made}; purged ${purged.outboxMessages} outbox messages, ${purged.idempotencyRecords} idempotency records`;
  }
}
