import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health.js';
import type { HealthResponseDto, HealthStatus } from './dto/health.response.dto.js';
import { RedisHealthIndicator } from './redis.health.js';
import { WorkerProgressHealthIndicator } from './worker-progress.health.js';

const STATUS: Record<HealthCheckResult['status'], HealthStatus> = {
  ok: 'ok',
  degraded: 'degraded',
  error: 'down',
  shutting_down: 'down',
};

/**
 * The three probes run side by side through terminus, each within its own timeout. PostgreSQL down (or the
 * process shutting down) makes the whole `down`; Redis or the worker behind only `degraded`.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly worker: WorkerProgressHealthIndicator,
  ) {}

  async report(): Promise<HealthResponseDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.database.check('database'),
        () => this.redis.check('redis'),
        () => this.worker.check('worker'),
      ]);
    } catch (error) {
      // terminus answers a failed check by throwing a 503 that carries the same result.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    const { database, redis, worker } = result.details;
    return {
      status: STATUS[result.status],
      checks: { database, redis, worker } as HealthResponseDto['checks'],
    };
  }
}
