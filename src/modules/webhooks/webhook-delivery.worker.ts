import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { type QueueConfig, queueConfig } from '../../config/config-groups.js';
import { JobWorker } from '../queue/job-worker.js';
import { QueueName } from '../queue/queue-names.js';
import { WorkerHeartbeat } from '../../worker/worker-heartbeat.service.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import type { DeliverWebhookJob } from './webhook.types.js';

// Deliveries mostly wait on other companies' servers (up to WEBHOOK_TIMEOUT_MS each), not on us.
const CONCURRENCY = 16;

/**
 * Consumes the webhooks queue: one attempt per job run; BullMQ retries failures with exponential backoff
 * (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS); after the last, the delivery fails and the webhook is disabled.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: JobWorker<DeliverWebhookJob> | null = null;

  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly heartbeat: WorkerHeartbeat,
    @Inject(queueConfig.KEY) private readonly queueConfig: QueueConfig,
    @InjectPinoLogger(WebhookDeliveryWorker.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new JobWorker<DeliverWebhookJob>({
      queue: QueueName.Webhooks,
      redisUrl: this.queueConfig.redisUrl,
      prefix: this.queueConfig.prefix,
      concurrency: CONCURRENCY,
      logger: this.logger,
      counters: this.heartbeat,
      handle: (job) => this.deliveries.deliver(job.data.deliveryId, job.attemptsMade + 1),
      onFinalFailure: (job, message) => this.deliveries.markFailed(job.data.deliveryId, job.attemptsMade + 1, message),
    });
  }

  /** Stops taking new jobs (maintenance, tests); jobs already running finish. */
  async pause(): Promise<void> {
    await this.worker?.pause();
  }

  async resume(): Promise<void> {
    await this.worker?.resume();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
