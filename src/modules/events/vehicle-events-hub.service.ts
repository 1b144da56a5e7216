import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { createBlockingTwin } from '../queue/redis.js';
import { vehicleEventsChannel, type VehicleStatusMessage } from './event-sink.js';

export type VehicleListener = (message: VehicleStatusMessage) => void;

/**
 * In each API process: one Redis subscription for all status changes, handed to the live viewers of each
 * plate. Several API processes each hold their own, so a viewer on any of them sees every change.
 */
@Injectable()
export class VehicleEventsHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Map<string, Set<VehicleListener>>();
  private readonly closers = new Set<() => void>();
  private subscriber: Redis | null = null;

  constructor(
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @Inject(REDIS_PRODUCER) private readonly producer: Redis,
    @InjectPinoLogger(VehicleEventsHub.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const channel = vehicleEventsChannel(this.queueConfig.prefix);
    // A subscriber connection retries forever and re-subscribes on reconnect (ioredis autoResubscribe); its
    // failures are reported with the process's other connections (RedisOutage).
    this.subscriber = createBlockingTwin(this.producer);
    this.subscriber.subscribe(channel).catch((error: unknown) => {
      this.logger.warn({ component: 'vehicle-events', err: error }, 'live updates unavailable until Redis returns');
    });
    this.subscriber.on('message', (_channel: string, raw: string) => this.deliver(raw));
  }

  /** Ends every open stream, so the HTTP server can close instead of waiting on them. */
  onModuleDestroy(): void {
    for (const close of [...this.closers]) close();
    this.subscriber?.disconnect();
  }

  /**
   * Registers a live viewer of `plate`; `close` ends its stream at shutdown. Returns the unsubscribe
   * function (call it when the viewer goes away).
   */
  subscribe(plate: string, listener: VehicleListener, close: () => void): () => void {
    const set = this.listeners.get(plate) ?? new Set<VehicleListener>();
    set.add(listener);
    this.listeners.set(plate, set);
    this.closers.add(close);
    return () => {
      set.delete(listener);
      this.closers.delete(close);
      if (set.size === 0) this.listeners.delete(plate);
    };
  }

  get viewers(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private deliver(raw: string): void {
    let message: VehicleStatusMessage;
    try {
      message = JSON.parse(raw) as VehicleStatusMessage;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(message.plate) ?? []) listener(message);
  }
}
