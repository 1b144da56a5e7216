import { Module } from '@nestjs/common';
import { ClearanceModule } from '../modules/clearance/clearance.module.js';
import { ClearanceWorker } from '../modules/clearance/clearance.worker.js';
import { AuditModule } from '../modules/audit/audit.module.js';
import { AuditSealer } from '../modules/audit/audit-sealer.service.js';
import { DeclarationsModule } from '../modules/declarations/declarations.module.js';
import { EventDispatcher } from '../modules/events/event-dispatcher.service.js';
import { WEBHOOK_EVENT_SINK } from '../modules/events/event-sink.js';
import { OutboxRelay } from '../modules/outbox/outbox-relay.service.js';
import { ScreeningModule } from '../modules/screening/screening.module.js';
import { ScreeningWorker } from '../modules/screening/screening.worker.js';
import { WorkerHeartbeat } from './worker-heartbeat.service.js';
import { StatsModule } from '../modules/stats/stats.module.js';
import { StatsWorker } from '../modules/stats/stats.worker.js';
import { WebhookDeliveryWorker } from '../modules/webhooks/webhook-delivery.worker.js';
import { WebhookFanout } from '../modules/webhooks/webhook-fanout.service.js';
import { WebhooksModule } from '../modules/webhooks/webhooks.module.js';
import { RetentionModule } from '../modules/retention/retention.module.js';
import { RetentionWorker } from '../modules/retention/retention.worker.js';
import { ReconcileSchedule } from './reconcile.schedule.js';

/**
 * Background work: the outbox relay, the audit sealer, the event dispatcher, the BullMQ processors, the reconciler, the expiry
 * sweep and the heartbeat. No HTTP. They stop in onModuleDestroy (finishing running jobs), before connections close in
 * onApplicationShutdown.
 */
@Module({
  imports: [
    AuditModule,
    DeclarationsModule,
    ScreeningModule,
    ClearanceModule,
    WebhooksModule,
    StatsModule,
    RetentionModule,
  ],
  providers: [
    { provide: WEBHOOK_EVENT_SINK, useExisting: WebhookFanout },
    AuditSealer,
    EventDispatcher,
    OutboxRelay,
    ScreeningWorker,
    ClearanceWorker,
    WorkerHeartbeat,
    ReconcileSchedule,
    WebhookDeliveryWorker,
    StatsWorker,
    RetentionWorker,
  ],
})
export class WorkerModule {}
