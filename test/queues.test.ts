import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ClearanceProcessor } from '../src/modules/clearance/clearance.processor.js';
import { QueueName } from '../src/modules/queue/queue-names.js';
import { QueueRegistry } from '../src/modules/queue/queue-registry.service.js';
import { RetentionProcessor } from '../src/modules/retention/retention.processor.js';
import { ScreeningProcessor } from '../src/modules/screening/screening.processor.js';
import { StatsProcessor } from '../src/modules/stats/stats.processor.js';
import { WebhookDeliveryProcessor } from '../src/modules/webhooks/webhook-delivery.processor.js';
import { eventually } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const connectionOf = (queue: { opts: { connection?: unknown } }) => queue.opts.connection as Redis;

describe('queues as registered with @nestjs/bullmq', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      SCREENING_ATTEMPTS: '5',
      SCREENING_BACKOFF_MS: '700',
      SCREENING_CONCURRENCY: '3',
      WEBHOOK_MAX_ATTEMPTS: '9',
      WEBHOOK_BACKOFF_MS: '4000',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each queue its own retry settings, bounded history and cluster-slot prefix', () => {
    const expected: Record<QueueName, { attempts: number; delay: number }> = {
      [QueueName.Screening]: { attempts: 5, delay: 700 },
      [QueueName.Clearance]: { attempts: 10, delay: 700 },
      [QueueName.Webhooks]: { attempts: 9, delay: 4000 },
      [QueueName.Stats]: { attempts: 3, delay: 700 },
      [QueueName.Maintenance]: { attempts: 3, delay: 700 },
    };
    for (const name of Object.values(QueueName)) {
      const queue = t.app.get<Queue>(getQueueToken(name));
      expect(t.app.get(QueueRegistry).get(name)).toBe(queue);
      expect(queue.opts.prefix).toBe(`${t.config.queue.prefix}:{${name}}`);
      expect(queue.defaultJobOptions).toMatchObject({
        attempts: expected[name].attempts,
        backoff: { type: 'exponential', delay: expected[name].delay },
        removeOnComplete: { age: 24 * 3600, count: 50_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    }
    expect(t.app.get(QueueRegistry).all()).toHaveLength(Object.values(QueueName).length);
    expect(() => t.app.get(QueueRegistry).get('no-such-queue')).toThrow('unknown queue no-such-queue');
  });

  it('runs each processor on its queue’s prefix, with its concurrency, on a blocking connection of its own', () => {
    const processors = [
      [ScreeningProcessor, QueueName.Screening, 3],
      [ClearanceProcessor, QueueName.Clearance, 8],
      [WebhookDeliveryProcessor, QueueName.Webhooks, 16],
      [StatsProcessor, QueueName.Stats, 1],
      [RetentionProcessor, QueueName.Maintenance, 1],
    ] as const;
    for (const [type, name, concurrency] of processors) {
      const worker = t.app.get<WorkerHost>(type).worker;
      const queue = t.app.get(QueueRegistry).get(name);
      expect(worker.name).toBe(name);
      expect(worker.opts.prefix).toBe(queue.opts.prefix);
      expect(worker.concurrency).toBe(concurrency);
      expect(worker.isRunning()).toBe(true);
      // Producers fail fast while Redis is away; a worker's commands wait for it to come back.
      expect(connectionOf(queue).options.maxRetriesPerRequest).toBe(1);
      expect(connectionOf(worker).options.maxRetriesPerRequest).toBeNull();
      expect(connectionOf(worker)).not.toBe(connectionOf(queue));
    }
  });

  it('refuses a job a scheduled processor does not know', async () => {
    const queue = t.app.get(QueueRegistry).get(QueueName.Stats);
    const job = await queue.add('not-a-rollup', {}, { attempts: 1 });
    const failed = await eventually(async () => ((await job.getState()) === 'failed' ? true : undefined));
    expect(failed).toBe(true);
    expect((await queue.getJob(job.id!))?.failedReason).toBe('unknown stats job not-a-rollup');
  });
});

describe('an API-only process', () => {
  it('registers every queue for producers and no processor', async () => {
    const api = await startTestApp({ APP_ROLE: 'api' });
    try {
      expect(
        api.app
          .get(QueueRegistry)
          .all()
          .map((q) => q.name),
      ).toEqual(Object.values(QueueName));
      const hosts = api.app
        .get(DiscoveryService)
        .getProviders()
        .filter((wrapper) => wrapper.instance instanceof WorkerHost);
      expect(hosts).toEqual([]);
      expect(() => api.app.get(ScreeningProcessor)).toThrow();
    } finally {
      await api.close();
    }
  });
});
