import type { Job, Queue, RepeatOptions } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import type { JobName } from '../modules/queue/queue-names.js';
import { isRedisUnavailable } from '../modules/queue/redis.js';
import { JobProcessor } from './job-processor.js';
import type { WorkerHeartbeat } from './worker-heartbeat.service.js';

const SCHEDULE_RETRY_MS = 30_000;

export interface JobSchedule {
  job: JobName;
  schedulerId: string;
  repeat: Omit<RepeatOptions, 'key'>;
  /** Completed and failed runs kept in Redis for the dashboard. */
  keep: number;
  /** What the schedule is, for the log line when it cannot be registered. */
  description: string;
}

/**
 * A processor of one job on a BullMQ job scheduler, run one at a time. Every worker process upserts the same
 * scheduler at start, which is idempotent. Not awaited: a worker starting while Redis is down must still start;
 * the schedule is registered when Redis is back (retried every 30 s). Any other job name on the queue is refused.
 */
export abstract class ScheduledJobProcessor extends JobProcessor<Record<string, never>> {
  private retry: NodeJS.Timeout | null = null;

  protected constructor(
    private readonly queue: Queue,
    private readonly schedule: JobSchedule,
    heartbeat: WorkerHeartbeat,
    logger: PinoLogger,
  ) {
    super(heartbeat, logger);
  }

  /** The scheduled work; resolves to a short outcome for the log. */
  protected abstract run(): Promise<string>;

  protected handle(job: Job<Record<string, never>>): Promise<string> {
    if (job.name !== (this.schedule.job as string)) throw new Error(`unknown ${this.queue.name} job ${job.name}`);
    return this.run();
  }

  protected override configure(): void {
    this.worker.concurrency = 1;
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    void this.register();
  }

  override async onModuleDestroy(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await super.onModuleDestroy();
  }

  private async register(): Promise<void> {
    const { schedulerId, repeat, job, keep, description } = this.schedule;
    try {
      await this.queue.upsertJobScheduler(schedulerId, repeat, {
        name: job,
        data: {},
        opts: { removeOnComplete: { count: keep }, removeOnFail: { count: keep } },
      });
    } catch (error) {
      // Redis away: the outage is logged once for the process (RedisOutage); retried all the same.
      if (!isRedisUnavailable(error)) {
        this.logger.warn(
          { queue: this.queue.name, err: error },
          `could not register the ${description} schedule; retrying`,
        );
      }
      this.retry = setTimeout(() => void this.register(), SCHEDULE_RETRY_MS);
      this.retry.unref();
    }
  }
}
