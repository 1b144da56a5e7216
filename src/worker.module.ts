import { Module } from '@nestjs/common';
import { ClearanceModule } from './modules/clearance/clearance.module.js';
import { ClearanceWorker } from './modules/clearance/clearance.worker.js';
import { OutboxRelay } from './modules/outbox/outbox-relay.js';
import { ScreeningModule } from './modules/screening/screening.module.js';
import { ScreeningWorker } from './modules/screening/screening.worker.js';
import { WorkerHeartbeat } from './modules/screening/worker-heartbeat.js';
import { ReconcileSchedule } from './worker/reconcile-schedule.js';

/**
 * Background work: the outbox relay, the BullMQ processors, the reconciler, the expiry sweep and the
 * heartbeat. No HTTP. They stop in onModuleDestroy (finishing running jobs), before connections close in
 * onApplicationShutdown.
 */
@Module({
  imports: [ScreeningModule, ClearanceModule],
  providers: [OutboxRelay, ScreeningWorker, ClearanceWorker, WorkerHeartbeat, ReconcileSchedule],
})
export class WorkerModule {}
