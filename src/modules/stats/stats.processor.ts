import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { JobName, QueueName } from '../queue/queue-names.js';
import { ScheduledJobProcessor } from '../../worker/scheduled-job-processor.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { StatsRollupService } from './stats-rollup.service.js';

export const STATS_ROLLUP_SCHEDULER_ID = 'rollup-daily-stats';
export const STATS_ROLLUP_EVERY_MS = 5 * 60_000;

/**
 * Keeps daily_stats fresh: a BullMQ job scheduler (every 5 minutes) recomputes yesterday and today of every
 * gate. The job is idempotent.
 */
@Processor(QueueName.Stats, { autorun: false })
export class StatsProcessor extends ScheduledJobProcessor {
  constructor(
    private readonly rollups: StatsRollupService,
    @InjectQueue(QueueName.Stats) queue: Queue,
    heartbeat: WorkerHeartbeat,
    @InjectPinoLogger(StatsProcessor.name) logger: PinoLogger,
  ) {
    super(
      queue,
      {
        job: JobName.RollupDailyStats,
        schedulerId: STATS_ROLLUP_SCHEDULER_ID,
        repeat: { every: STATS_ROLLUP_EVERY_MS },
        keep: 100,
        description: 'stats rollup',
      },
      heartbeat,
      logger,
    );
  }

  protected async run(): Promise<string> {
    const results = await this.rollups.rollupRecent();
    return results.map((r) => `${r.gate} ${r.from}..${r.to}: ${r.rows} rows`).join('; ');
  }
}
