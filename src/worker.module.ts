import { Module } from '@nestjs/common';
import { OutboxRelay } from './modules/outbox/outbox-relay.js';
import { ReconcileSchedule } from './modules/screening/reconcile-schedule.js';
import { ScreeningModule } from './modules/screening/screening.module.js';
import { ScreeningWorker } from './modules/screening/screening.worker.js';
import { WorkerHeartbeat } from './modules/screening/worker-heartbeat.js';

/**
 * Background work: the outbox relay, the BullMQ processors, the reconciler and the heartbeat. No HTTP.
 * They stop in onModuleDestroy (finishing running jobs), before connections close in onApplicationShutdown.
 */
@Module({
  imports: [ScreeningModule],
  providers: [OutboxRelay, ScreeningWorker, WorkerHeartbeat, ReconcileSchedule],
})
export class WorkerModule {}
