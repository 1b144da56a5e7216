import { Module } from '@nestjs/common';
import { ClearanceModule } from '../modules/clearance/clearance.module.js';
import { ClearanceProcessor } from '../modules/clearance/clearance.processor.js';
import { AuditModule } from '../modules/audit/audit.module.js';
import { AuditSealer } from '../modules/audit/audit-sealer.service.js';
import { AuditCheckpointSchedule } from '../modules/audit/audit-checkpoint.schedule.js';
import { DeclarationsModule } from '../modules/declarations/declarations.module.js';
import { EventDispatcher } from '../modules/events/event-dispatcher.service.js';
import { WEBHOOK_EVENT_SINK } from '../modules/events/event-sink.js';
import { OutboxRelay } from '../modules/outbox/outbox-relay.service.js';
import { ScreeningModule } from '../modules/screening/screening.module.js';
import { ScreeningProcessor } from '../modules/screening/screening.processor.js';
import { WorkerHeartbeat } from './worker-heartbeat.service.js';
import { WorkerHeartbeatModule } from './worker-heartbeat.module.js';
import { StatsModule } from '../modules/stats/stats.module.js';
import { StatsProcessor } from '../modules/stats/stats.processor.js';
import { WebhookDeliveryProcessor } from '../modules/webhooks/webhook-delivery.processor.js';
import { WebhookFanout } from '../modules/webhooks/webhook-fanout.service.js';
import { WebhooksModule } from '../modules/webhooks/webhooks.module.js';
import { RetentionModule } from '../modules/retention/retention.module.js';
import { RetentionProcessor } from '../modules/retention/retention.processor.js';
import { ReconcileSchedule } from './reconcile.schedule.js';
import { ReturnsModule } from '../modules/returns/returns.module.js';
import { ReturnsWatch } from '../modules/returns/returns-watch.schedule.js';
import { RegulationYardsModule } from '../modules/regulation-yards/regulation-yards.module.js';
import { CallForward } from '../modules/regulation-yards/call-forward.schedule.js';
import { SlotsModule } from '../modules/slots/slots.module.js';
import { SlotWatch } from '../modules/slots/slot-watch.schedule.js';
import { GateBoardModule } from '../modules/gates/gate-board.module.js';
import { BoardWatch } from '../modules/gates/board-watch.schedule.js';

/**
 * Background work: the outbox relay, the audit sealer, the event dispatcher, the BullMQ processors (@nestjs/bullmq
 * `@Processor`s, so only a process with this module consumes jobs), the reconciler, the expiry sweep, the return
 * reminders, the slot watch, the call forward from the regulation yards, the board's warning watch and the heartbeat. No HTTP. They stop in onModuleDestroy (finishing running jobs), before connections close in
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
    ReturnsModule,
    RegulationYardsModule,
    SlotsModule,
    GateBoardModule,
    WorkerHeartbeatModule,
  ],
  providers: [
    { provide: WEBHOOK_EVENT_SINK, useExisting: WebhookFanout },
    AuditSealer,
    AuditCheckpointSchedule,
    EventDispatcher,
    OutboxRelay,
    ScreeningProcessor,
    ClearanceProcessor,
    WorkerHeartbeat,
    ReconcileSchedule,
    ReturnsWatch,
    CallForward,
    SlotWatch,
    BoardWatch,
    WebhookDeliveryProcessor,
    StatsProcessor,
    RetentionProcessor,
  ],
})
export class WorkerModule {}
