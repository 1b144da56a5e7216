import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { Queues } from '../queue/queue.module.js';
import { ScheduledJob } from '../queue/scheduled-job.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { StatsRollupService } from './stats-rollup.service.js';

export const STATS_ROLLUP_SCHEDULER_ID = 'rollup-daily-stats';
export const STATS_ROLLUP_EVERY_MS = 5 * 60_000;
/**
 * Keeps daily_stats fresh: a BullMQ job scheduler (every 5 minutes) recomputes yesterday and today of every
 * gate. The job is idempotent.
 */
@Injectable()
export class StatsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private job: ScheduledJob | null = null;

  constructor(
    private readonly rollups: StatsRollupService,
    private readonly queues: Queues,
    private readonly heartbeat: WorkerHeartbeat,
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @InjectPinoLogger(StatsWorker.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.job = new ScheduledJob({
      queue: QueueName.Stats,
      job: JobName.RollupDailyStats,
      schedulerId: STATS_ROLLUP_SCHEDULER_ID,
      repeat: { every: STATS_ROLLUP_EVERY_MS },
      keep: 100,
      description: 'stats rollup',
      run: () => this.rollup(),
      queues: this.queues,
      queueConfig: this.queueConfig,
      logger: this.logger,
      counters: this.heartbeat,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.job?.close();
  }

  private async rollup(): Promise<string> {
    const results = await this.rollups.rollupRecent();
    return results.map((r) => `${r.gate} ${r.from}..${r.to}: ${r.rows} rows`).join('; ');
  }
}
