import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository.js';

const BEAT_MS = 5000;

/** Each worker process records that it is alive and how much it did, so /health can tell progress from a stall. */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnModuleDestroy {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private completed = 0;
  private failed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly heartbeats: WorkerHeartbeatRepository) {}

  recordCompleted(): void {
    this.completed += 1;
  }

  recordFailed(): void {
    this.failed += 1;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), BEAT_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.heartbeats.remove(this.workerId).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.heartbeats.beat(this.workerId, this.completed, this.failed);
  }
}
