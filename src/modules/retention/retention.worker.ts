import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logger.tokens.js';
import { AppConfig } from '../../config/app-config.js';
import { JobWorker } from '../queue/job-worker.js';
import { Queues } from '../queue/queue.module.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WorkerHeartbeat } from '../screening/worker-heartbeat.js';
import { PartitionMaintenance } from './partition-maintenance.service.js';
import { RetentionPurge } from './retention-purge.service.js';

export const RETENTION_SCHEDULER_ID = 'daily-retention';
/** 03:15 at the gates: the quietest hour, and well inside a month, so a late run is never a missing partition. */
export const RETENTION_SCHEDULE = { pattern: '15 3 * * *', tz: 'Asia/Ho_Chi_Minh' };
const SCHEDULE_RETRY_MS = 30_000;

/**
 * The daily maintenance job: monthly partitions made ahead, then relayed outbox messages and expired
 * idempotency records purged. Partitions are also ensured straight away at worker start, without Redis, so a
 * worker that starts during a Redis outage still keeps the audit log writable. Both steps are idempotent;
 * every worker upserts the same scheduler.
 */
@Injectable()
export class RetentionWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: JobWorker<Record<string, never>> | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly partitions: PartitionMaintenance,
    private readonly purge: RetentionPurge,
    private readonly queues: Queues,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new JobWorker<Record<string, never>>({
      queue: QueueName.Maintenance,
      redisUrl: this.config.REDIS_URL,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 1,
      logger: this.logger,
      counters: this.heartbeat,
      handle: (job) => this.handle(job),
    });
    void this.ensureAtStart();
    void this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await this.worker?.close();
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

  private async schedule(): Promise<void> {
    try {
      await this.queues.get(QueueName.Maintenance).upsertJobScheduler(RETENTION_SCHEDULER_ID, RETENTION_SCHEDULE, {
        name: JobName.DailyRetention,
        data: {},
        opts: { removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
      });
    } catch (error) {
      this.logger.warn(
        { queue: QueueName.Maintenance, err: error },
        'could not register the daily retention schedule; retrying',
      );
      this.retry = setTimeout(() => void this.schedule(), SCHEDULE_RETRY_MS);
      this.retry.unref();
    }
  }

  private async handle(job: Job<Record<string, never>>): Promise<string> {
    if (job.name !== (JobName.DailyRetention as string)) throw new Error(`unknown maintenance job ${job.name}`);
    const ensured = await this.partitions.ensureAhead();
    const purged = await this.purge.purge();
    const made = ensured.map((p) => `${p.table} ${p.from}..${p.to}: ${p.created} created`).join('; ');
    return `${made}; purged ${purged.outboxMessages} outbox messages, ${purged.idempotencyRecords} idempotency records`;
  }
}
