import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { QueueName } from '../queue/queue-names.js';
import { JobProcessor } from '../../worker/job-processor.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import type { DeliverWebhookJob } from './webhook.types.js';

/**
 * Consumes the webhooks queue: one attempt per job run; BullMQ retries failures with exponential backoff
 * (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS); after the last, the delivery fails and the webhook is disabled.
 * Deliveries mostly wait on other companies' servers (up to WEBHOOK_TIMEOUT_MS each), not on us: hence 16 at once.
 */
@Processor(QueueName.Webhooks, { autorun: false, concurrency: 16 })
export class WebhookDeliveryProcessor extends JobProcessor<DeliverWebhookJob> {
  constructor(
    private readonly deliveries: WebhookDeliveryService,
    heartbeat: WorkerHeartbeat,
    @InjectPinoLogger(WebhookDeliveryProcessor.name) logger: PinoLogger,
  ) {
    super(heartbeat, logger);
  }

  protected handle(job: Job<DeliverWebhookJob>): Promise<string> {
    return this.deliveries.deliver(job.data.deliveryId, job.attemptsMade + 1);
  }

  protected override onFinalFailure(job: Job<DeliverWebhookJob>, message: string): Promise<void> {
    return this.deliveries.markFailed(job.data.deliveryId, job.attemptsMade + 1, message);
  }
}
