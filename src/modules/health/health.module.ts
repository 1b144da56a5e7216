import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { WorkerHeartbeatModule } from '../../worker/worker-heartbeat.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { DatabaseHealthIndicator } from './database.health.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { RedisHealthIndicator } from './redis.health.js';
import { WorkerProgressHealthIndicator } from './worker-progress.health.js';

@Module({
  // Its logger off: a failed check is already in the request log line (503) and the answer says why.
  imports: [TerminusModule.forRoot({ logger: false }), DeclarationsModule, OutboxModule, WorkerHeartbeatModule],
  controllers: [HealthController],
  providers: [HealthService, DatabaseHealthIndicator, RedisHealthIndicator, WorkerProgressHealthIndicator],
})
export class HealthModule {}
