import { Module } from '@nestjs/common';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository.js';

/** The heartbeat table's statements, for the worker's heartbeat and the API's /health. */
@Module({
  providers: [WorkerHeartbeatRepository],
  exports: [WorkerHeartbeatRepository],
})
export class WorkerHeartbeatModule {}
