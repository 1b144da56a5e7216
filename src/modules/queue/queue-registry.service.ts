import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names.js';

/**
 * Every registered queue by name, for the code that needs them all or picks one at run time: the outbox
 * relay (the queue is a column of the outbox row), the Bull Board and the metrics. A producer of one known
 * queue injects it with `@InjectQueue` instead.
 */
@Injectable()
export class QueueRegistry {
  private readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Screening) screening: Queue,
    @InjectQueue(QueueName.Clearance) clearance: Queue,
    @InjectQueue(QueueName.Webhooks) webhooks: Queue,
    @InjectQueue(QueueName.Stats) stats: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
  ) {
    const all = [screening, clearance, webhooks, stats, maintenance];
    // BullMQ re-emits every error of the shared connection on each queue, and an unheard 'error' event throws;
    // the relay and /health report an outage.
    for (const queue of all) queue.on('error', () => undefined);
    this.queues = new Map(all.map((queue) => [queue.name as QueueName, queue]));
  }

  /** The queue called `name`; throws for a name no queue has (an outbox row naming an unknown queue). */
  get(name: QueueName | string): Queue {
    const queue = this.queues.get(name as QueueName);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }
}
