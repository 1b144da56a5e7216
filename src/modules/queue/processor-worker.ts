import { type Processor, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createBlockingTwin } from './redis.js';

/**
 * The Worker @nestjs/bullmq builds for every `@Processor` (set as `BullModule.workerClass`). The module hands a
 * worker its queue's connection, which is the producers' fail-fast one; BullMQ refuses that for blocking
 * commands, and a job finishing during a Redis blip should wait for the reconnect rather than fail. So each
 * worker opens a blocking twin of it (same server) and closes it after the worker has closed.
 */
export class ProcessorWorker extends Worker {
  private readonly ownConnection: Redis;
  private closeOnce: Promise<void> | null = null;

  constructor(name: string, processor: string | URL | null | Processor | undefined, opts: WorkerOptions) {
    const connection = createBlockingTwin(opts.connection as Redis);
    connection.on('error', () => undefined); // ioredis reconnects; the relay and /health report the outage
    super(name, processor, { ...opts, connection });
    this.ownConnection = connection;
  }

  // Nest closes a worker twice (our onModuleDestroy, then @nestjs/bullmq at shutdown); a second disconnect of
  // an ended ioredis connection would leave a 2 s timer behind.
  override close(force?: boolean): Promise<void> {
    this.closeOnce ??= super.close(force).finally(() => this.ownConnection.disconnect());
    return this.closeOnce;
  }
}
