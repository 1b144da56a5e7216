import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { LOGGER } from '../../common/logging/logger.tokens.js';
import { AppConfig } from '../../config/app-config.js';
import { JobWorker } from '../queue/job-worker.js';
import { Queues } from '../queue/queue.module.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WorkerHeartbeat } from '../screening/worker-heartbeat.js';
import { StatsRollupService } from './stats-rollup.service.js';

export const STATS_ROLLUP_SCHEDULER_ID = 'rollup-daily-stats';
export const STATS_ROLLUP_EVERY_MS = 5 * 60_000;
const SCHEDULE_RETRY_MS = 30_000;

/**
 * Keeps daily_stats fresh: a BullMQ job scheduler (every 5 minutes) recomputes yesterday and today of every
 * gate. Each worker process upserts the same scheduler at start, which is idempotent; the job is too.
 */
@Injectable()
export class StatsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: JobWorker<Record<string, never>> | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly rollups: StatsRollupService,
    private readonly queues: Queues,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new JobWorker<Record<string, never>>({
      queue: QueueName.Stats,
      redisUrl: this.config.REDIS_URL,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 1,
      logger: this.logger,
      counters: this.heartbeat,
      handle: (job) => this.handle(job),
    });
    // Not awaited: a worker starting while Redis is down must still start; the schedule follows when it is back.
    void this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await this.worker?.close();
  }

  private async schedule(): Promise<void> {
    try {
      await this.queues.get(QueueName.Stats).upsertJobScheduler(
        STATS_ROLLUP_SCHEDULER_ID,
        { every: STATS_ROLLUP_EVERY_MS },
        {
          name: JobName.RollupDailyStats,
          data: {},
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      );
    } catch (error) {
      this.logger.warn(
        { queue: QueueName.Stats, err: error },
        'could not register the stats rollup schedule; retrying',
      );
      this.retry = setTimeout(() => void this.schedule(), SCHEDULE_RETRY_MS);
      this.retry.unref();
    }
  }

  private async handle(job: Job<Record<string, never>>): Promise<string> {
    if (job.name !== (JobName.RollupDailyStats as string)) throw new Error(`unknown stats job ${job.name}`);
    const results = await this.rollups.rollupRecent();
    return results.map((r) => `${r.gate} ${r.from}..${r.to}: ${r.rows} rows`).join('; ');
  }
}
