import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { createBlockingTwin } from '../queue/redis.js';
import { boardEventsChannel, type BoardWarningMessage } from './board-events.js';

export type BoardListener = (message: BoardWarningMessage) => void;

/**
 * In each API process: one Redis subscription for the gates' warning-level changes, handed to the live viewers of
 * each gate's board (as VehicleEventsHub does for plates).
 */
@Injectable()
export class BoardEventsHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Map<string, Set<BoardListener>>();
  private readonly closers = new Set<() => void>();
  private subscriber: Redis | null = null;

  constructor(
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @Inject(REDIS_PRODUCER) private readonly producer: Redis,
    @InjectPinoLogger(BoardEventsHub.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriber = createBlockingTwin(this.producer);
    this.subscriber.subscribe(boardEventsChannel(this.queueConfig.prefix)).catch((error: unknown) => {
      this.logger.warn(
        { component: 'board-events', err: error },
        'live board warnings unavailable until Redis returns',
      );
    });
    this.subscriber.on('message', (_channel: string, raw: string) => this.deliver(raw));
  }

  /** Ends every open stream, so the HTTP server can close instead of waiting on them. */
  onModuleDestroy(): void {
    for (const close of [...this.closers]) close();
    this.subscriber?.disconnect();
  }

  /** Registers a live viewer of `gate`'s board; returns the unsubscribe function. */
  subscribe(gate: string, listener: BoardListener, close: () => void): () => void {
    const set = this.listeners.get(gate) ?? new Set<BoardListener>();
    set.add(listener);
    this.listeners.set(gate, set);
    this.closers.add(close);
    return () => {
      set.delete(listener);
      this.closers.delete(close);
      if (set.size === 0) this.listeners.delete(gate);
    };
  }

  private deliver(raw: string): void {
    let message: BoardWarningMessage;
    try {
      message = JSON.parse(raw) as BoardWarningMessage;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(message.gate) ?? []) listener(message);
  }
}
