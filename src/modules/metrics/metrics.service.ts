import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DECLARATION_STATUSES } from '../declarations/declaration-status.js';
import { DeclarationsRepository } from '../declarations/declarations.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { REDIS_PRODUCER } from '../queue/queue.module.js';
import { QueueRegistry } from '../queue/queue-registry.service.js';
import { processRegistry } from './process-metrics.js';
import { withTimeout } from '../../common/with-timeout.js';

/** Queue states reported per queue; BullMQ's name for the waiting list is `wait`, `waiting` in its API. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

// A scrape answers within this, whatever PostgreSQL or Redis do; a slow source is reported as down.
const SOURCE_TIMEOUT_MS = 2000;

/**
 * The API's Prometheus metrics. HTTP requests are counted as they finish (labelled by route pattern, never
 * the raw URL: URLs carry plates); queue depths, outbox lag and declaration counts are read from BullMQ and
 * PostgreSQL when Prometheus scrapes, so nothing goes stale and nothing polls between scrapes.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'border_gate_rate_limit_rejected_total',
    help: 'Requests answered 429 by the rate limiter, by scope (public | company)',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitFailOpen = new Counter({
    name: 'border_gate_rate_limit_fail_open_total',
    help: 'Requests let through unchecked because the rate-limit store (Redis) did not answer, by scope and reason (unavailable | timeout | stalled | error)',
    labelNames: ['scope', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: 'border_gate_queue_jobs',
    help: 'Jobs per BullMQ queue and state (waiting, active, delayed, failed), read at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  private readonly oldestWaiting = new Gauge({
    name: 'border_gate_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job per queue (since it was added, plus its delay); 0 when none waits',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly outboxUnrelayed = new Gauge({
    name: 'border_gate_outbox_unrelayed_messages',
    help: 'Outbox messages written in PostgreSQL and not yet relayed to BullMQ',
    registers: [this.registry],
  });
  private readonly outboxOldest = new Gauge({
    name: 'border_gate_outbox_oldest_unrelayed_seconds',
    help: 'Age of the oldest unrelayed outbox message; 0 when none waits',
    registers: [this.registry],
  });
  private readonly declarations = new Gauge({
    name: 'border_gate_declarations',
    help: 'Declarations per status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly sourceUp = new Gauge({
    name: 'border_gate_metrics_source_up',
    help: '1 when the source (postgres | redis) answered this scrape; its series are missing when 0',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  private scrape: Promise<string> | null = null;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly outboxMessages: OutboxRepository,
    private readonly declarationRows: DeclarationsRepository,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {
    for (const scope of ['public', 'company']) {
      this.rateLimited.inc({ scope }, 0);
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  recordRateLimited(scope: string): void {
    this.rateLimited.inc({ scope });
  }

  recordRateLimitFailOpen(scope: string, reason: string): void {
    this.rateLimitFailOpen.inc({ scope, reason });
  }

  /** Shows every fail-open series at 0 from the start, so an alert on its increase sees the first one. */
  declareRateLimitFailOpen(scopes: readonly string[], reasons: readonly string[]): void {
    for (const scope of scopes) for (const reason of reasons) this.rateLimitFailOpen.inc({ scope, reason }, 0);
  }

  /**
   * The exposition text: this app's metrics, what BullMQ and PostgreSQL say now, and the process's own
   * (Node, jobs run here). Never throws for a source that is down; concurrent scrapes share one reading.
   */
  render(): Promise<string> {
    this.scrape ??= this.read().finally(() => (this.scrape = null));
    return this.scrape;
  }

  private async read(): Promise<string> {
    const [redisUp, postgresUp] = await Promise.all([this.readQueues(), this.readDatabase()]);
    this.sourceUp.set({ source: 'redis' }, redisUp ? 1 : 0);
    this.sourceUp.set({ source: 'postgres' }, postgresUp ? 1 : 0);
    return Registry.merge([processRegistry, this.registry]).metrics();
  }

  private async readQueues(): Promise<boolean> {
    this.queueJobs.reset();
    this.oldestWaiting.reset();
    // Not connected: answer at once instead of queueing commands until the reconnect gives up.
    if (this.redis.status !== 'ready') return false;
    const results = await Promise.allSettled(
      this.queues.all().map((queue) => withTimeout(this.readQueue(queue), SOURCE_TIMEOUT_MS, 'queue counts')),
    );
    return results.every((result) => result.status === 'fulfilled');
  }

  private async readQueue(queue: Queue): Promise<void> {
    const [counts, [oldest]] = await Promise.all([
      queue.getJobCounts(...QUEUE_STATES),
      queue.getJobs(['waiting'], 0, 0, true), // ascending: the job longest in the wait list
    ]);
    for (const state of QUEUE_STATES) this.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
    const since = oldest ? oldest.timestamp + (oldest.delay ?? 0) : Date.now();
    this.oldestWaiting.set({ queue: queue.name }, Math.max(0, (Date.now() - since) / 1000));
  }

  private async readDatabase(): Promise<boolean> {
    this.declarations.reset();
    this.outboxUnrelayed.reset();
    this.outboxOldest.reset();
    try {
      const [outbox, statuses] = await withTimeout(
        Promise.all([this.outboxMessages.backlog(), this.declarationRows.countByStatus()]),
        SOURCE_TIMEOUT_MS,
        'database metrics',
      );
      this.outboxUnrelayed.set(outbox.unrelayed);
      this.outboxOldest.set(Math.max(0, outbox.oldest_seconds ?? 0));
      const byStatus = new Map(statuses.map((row) => [row.status, row.n]));
      for (const status of DECLARATION_STATUSES) this.declarations.set({ status }, byStatus.get(status) ?? 0);
      return true;
    } catch {
      return false;
    }
  }
}
