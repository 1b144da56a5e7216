import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { JobName, QueueName } from '../queue/queue-names.js';
import { ScheduledJobProcessor } from '../../worker/scheduled-job-processor.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { PartitionMaintenance } from './partition-maintenance.service.js';
import { RetentionPurge } from './retention-purge.service.js';

export const RETENTION_SCHEDULER_ID = 'daily-retention';
/** 03:15 at the gates: the quietest hour, and well inside a month, so a late run is never a missing partition. */
export const RETENTION_SCHEDULE = { pattern: '15 3 * * *', tz: 'Asia/Ho_Chi_Minh' };

/**
 * The daily maintenance job: monthly partitions made ahead, then relayed outbox messages, expired
 * idempotency records and old company sign-ins purged. Partitions are also ensured straight away at worker start, without Redis, so a
 * worker that starts during a Redis outage still keeps the audit log writable. Both steps are idempotent.
 */
@Processor(QueueName.Maintenance, { autorun: false })
export class RetentionProcessor extends ScheduledJobProcessor {
  constructor(
    private readonly partitions: PartitionMaintenance,
    private readonly purge: RetentionPurge,
    @InjectQueue(QueueName.Maintenance) queue: Queue,
    heartbeat: WorkerHeartbeat,
    @InjectPinoLogger(RetentionProcessor.name) logger: PinoLogger,
  ) {
    super(
      queue,
      {
        job: JobName.DailyRetention,
        schedulerId: RETENTION_SCHEDULER_ID,
        repeat: RETENTION_SCHEDULE,
        keep: 30,
        description: 'daily retention',
      },
      heartbeat,
      logger,
    );
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    void this.ensureAtStart();
  }

  protected async run(): Promise<string> {
    const ensured = await this.partitions.ensureAhead();
    const purged = await this.purge.purge();
    const made = ensured.map((p) => `${p.table} ${p.from}..${p.to}: ${p.created} created`).join('; ');
    return `${made}; purged ${purged.outboxMessages} outbox messages, ${purged.idempotencyRecords} idempotency records, ${purged.companySessions} company sign-ins, ${purged.loginThrottles} login throttle rows`;
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
}
