import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock.js';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { PollingLoop } from '../../common/polling-loop.js';
import { type BoardConfig, boardConfig, type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { isRedisUnavailable } from '../queue/redis.js';
import { boardEventsChannel, type BoardWarningMessage, warningMessage } from './board-events.js';
import { BoardWarningRepository } from './board-warning.repository.js';
import { GateBoardService } from './gate-board.service.js';

/**
 * Every BOARD_WATCH_INTERVAL_MS: each gate's warning level (the higher of today's demand and the 12-hour forecast,
 * by the service clock) is recorded in `board_warning` when it changed, and published to the API processes, which
 * send it to the board's live viewers (`event: warning`). Safe with several workers: a change is recorded once
 * (one statement, unique per previous row), and only the worker that recorded it publishes it.
 */
@Injectable()
export class BoardWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop = new PollingLoop(() => this.step());

  constructor(
    private readonly boards: GateBoardService,
    private readonly warnings: BoardWarningRepository,
    private readonly clock: Clock,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @Inject(boardConfig.KEY) private readonly config: BoardConfig,
    @InjectPinoLogger(BoardWatch.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** One run over every gate: the changes recorded (and published) by this run. */
  async watch(): Promise<BoardWarningMessage[]> {
    const changes: BoardWarningMessage[] = [];
    for (const gate of GATE_CODES) {
      const now = await this.boards.level(gate);
      if (!now) continue;
      const row = await this.warnings.record(gate, now.level, now.setBy, now.forecast, this.clock.now());
      if (row) changes.push(warningMessage(row));
    }
    if (changes.length > 0) {
      this.logger.info(
        {
          component: 'board-watch',
          changes: changes.map(({ gate, level, previous, setBy }) => ({ gate, level, previous, setBy })),
        },
        'board warning level changed',
      );
      await this.publish(changes);
    }
    return changes;
  }

  // Best effort: a viewer who misses one is replayed it from board_warning when it reconnects (Last-Event-ID).
  private async publish(changes: BoardWarningMessage[]): Promise<void> {
    const channel = boardEventsChannel(this.queueConfig.prefix);
    try {
      const pipeline = this.redis.pipeline();
      for (const change of changes) pipeline.publish(channel, JSON.stringify(change));
      await pipeline.exec();
    } catch (error) {
      if (isRedisUnavailable(error)) return; // logged once for the process (RedisOutage)
      this.logger.warn({ component: 'board-watch', err: error }, 'board warnings not published; viewers catch up');
    }
  }

  private async step(): Promise<number> {
    try {
      await this.watch();
    } catch (error) {
      this.logger.warn({ component: 'board-watch', err: error }, 'board warning levels not computed; will retry');
    }
    return this.config.watchIntervalMs;
  }
}
