import { setTimeout as sleep } from 'node:timers/promises';
import { type Job, type Processor, Worker, type WorkerOptions } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { createBlockingTwin } from './redis.js';

/** With Redis away, how long running jobs get to finish their work in PostgreSQL before the worker closes anyway. */
export const REDIS_AWAY_CLOSE_WAIT_MS = 2000;

/**
 * The Worker @nestjs/bullmq builds for every `@Processor` (set as `BullModule.workerClass`). The module hands a
 * worker its queue's connection, which is the producers' fail-fast one; BullMQ refuses that for blocking
 * commands, and a job finishing during a Redis blip should wait for the reconnect rather than fail. So each
 * worker opens a blocking twin of it (same server) and closes it after the worker has closed.
 */
export class ProcessorWorker extends Worker {
  private readonly ownConnection: Redis;
  /** The twin and what BullMQ duplicated from it (the connection its blocking fetch runs on). */
  private readonly connections: Redis[];
  private readonly jobsInFlight: Set<Promise<unknown>>;
  private closeOnce: Promise<void> | null = null;

  constructor(name: string, processor: string | URL | null | Processor | undefined, opts: WorkerOptions) {
    const connection = createBlockingTwin(opts.connection as Redis); // reports to RedisOutage, as its copies do
    const connections = [connection];
    const duplicate = connection.duplicate.bind(connection);
    connection.duplicate = (override?: Partial<RedisOptions>) => {
      const copy = duplicate(override);
      connections.push(copy);
      return copy;
    };
    const running = new Set<Promise<unknown>>();
    const counted =
      typeof processor === 'function'
        ? (job: Job, token?: string, signal?: AbortSignal) => {
            const run = processor(job, token, signal);
            running.add(run);
            void run.finally(() => running.delete(run)).catch(() => undefined);
            return run;
          }
        : processor;
    super(name, counted, { ...opts, connection });
    this.ownConnection = connection;
    this.connections = connections;
    this.jobsInFlight = running;
  }

  // Nest closes a worker twice (our onModuleDestroy, then @nestjs/bullmq at shutdown); a second disconnect of
  // an ended ioredis connection would leave a 2 s timer behind.
  override close(force?: boolean): Promise<void> {
    this.closeOnce ??= this.closeInTime(force ?? false).finally(() => this.ownConnection.disconnect());
    return this.closeOnce;
  }

  /**
   * While Redis answers: BullMQ's own close, which lets running jobs finish. While it is away, that close waits
   * for a reconnect that may never come (ioredis never ends a connection disconnected between two attempts), and
   * a finished job could not be recorded in Redis anyway: running jobs get REDIS_AWAY_CLOSE_WAIT_MS to finish
   * their work in PostgreSQL, then the worker closes by force. Nothing is lost: PostgreSQL holds what each job
   * did or did not do, and the reconcilers re-drive what is unfinished.
   */
  private async closeInTime(force: boolean): Promise<void> {
    if (force || this.connections.every((c) => c.status === 'ready')) return super.close(force);
    const deadline = sleep(REDIS_AWAY_CLOSE_WAIT_MS, undefined, { ref: false });
    await Promise.race([Promise.allSettled([...this.jobsInFlight]), deadline]);
    await super.close(true);
  }
}
