import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const HEALTH_STATUSES = ['ok', 'degraded', 'down'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export const PART_STATUSES = ['up', 'degraded', 'down'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

/** One probed part: PostgreSQL or Redis. */
export class ProbeResponseDto {
  @ApiProperty({ enum: PART_STATUSES, description: '`down` only for PostgreSQL; Redis unreachable is `degraded`' })
  status: PartStatus;

  @ApiProperty({ description: 'Answered within the probe timeout (2 s)' })
  ok: boolean;

  @ApiPropertyOptional({ description: 'Round trip of the probe, when it answered', example: 1 })
  latencyMs?: number;

  @ApiPropertyOptional({ description: 'Why it did not answer', example: 'redis probe timed out after 2000 ms' })
  error?: string;
}

/** Whether background work is moving, read from PostgreSQL. */
export class WorkerProgressResponseDto {
  @ApiProperty({ enum: PART_STATUSES, description: '`degraded` when `ok` is false' })
  status: PartStatus;

  @ApiProperty({
    description: `A worker beat in the last 30 s and no submission has waited for screening longer than twice
      RECONCILE_STALE_AFTER_MS`,
  })
  ok: boolean;

  @ApiProperty({ description: 'Worker processes that beat in the last 30 s', example: 2 })
  workersAlive: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastHeartbeatAt: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Age of the oldest outbox message not yet in Redis' })
  oldestUnrelayedOutboxSeconds: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Age of the oldest submission waiting for screening' })
  oldestPendingScreeningSeconds: number | null;

  @ApiProperty({ description: 'Submissions whose screening failed for good (someone should look)', example: 0 })
  failedScreenings: number;

  @ApiPropertyOptional({
    description: 'Why progress could not be read',
    example: 'worker progress probe timed out after 2000 ms',
  })
  error?: string;
}

export class HealthChecksResponseDto {
  @ApiProperty({ type: ProbeResponseDto })
  database: ProbeResponseDto;

  @ApiProperty({ type: ProbeResponseDto })
  redis: ProbeResponseDto;

  @ApiProperty({ type: WorkerProgressResponseDto })
  worker: WorkerProgressResponseDto;
}

/** `GET /health`. */
export class HealthResponseDto {
  @ApiProperty({
    enum: HEALTH_STATUSES,
    description: '`ok`; `degraded` (Redis or the worker behind, still serving); `down` (PostgreSQL, or shutting down)',
  })
  status: HealthStatus;

  @ApiProperty({ type: HealthChecksResponseDto })
  checks: HealthChecksResponseDto;
}
