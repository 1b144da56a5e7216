import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Metrics that belong to the process rather than to one HTTP app: Node's own (memory, event loop, GC) and
 * the BullMQ jobs this process ran. Module-level because one process may build several Nest apps (tests), and
 * prom-client refuses to register the default collectors twice on one registry. API processes merge this
 * registry into GET /metrics; a worker-only process serves it on WORKER_METRICS_PORT.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

const jobDuration = new Histogram({
  name: 'border_gate_job_duration_seconds',
  help: 'Time a BullMQ job took in this process, by queue, job name and outcome (completed | failed)',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [processRegistry],
});

const jobFailures = new Counter({
  name: 'border_gate_job_failures_total',
  help: 'Failed BullMQ job attempts, by queue and job name; final="true" when no attempt is left',
  labelNames: ['queue', 'job', 'final'] as const,
  registers: [processRegistry],
});

/** Called by JobProcessor once per attempt. */
export const jobMetrics = {
  completed(queue: string, job: string, durationMs: number): void {
    jobDuration.observe({ queue, job, outcome: 'completed' }, durationMs / 1000);
  },
  failed(queue: string, job: string, durationMs: number, final: boolean): void {
    jobDuration.observe({ queue, job, outcome: 'failed' }, durationMs / 1000);
    jobFailures.inc({ queue, job, final: String(final) });
  },
};

/** What the process's Redis outage tracker tells (RedisOutage). */
export interface RedisOutageFigures {
  readonly outages: number;
  unreachableSeconds(): number;
}

let redisOutages: RedisOutageFigures | null = null;

/** Reads Redis outages from `figures` at every scrape (called once the app is built). */
export function countRedisOutages(figures: RedisOutageFigures): void {
  redisOutages = figures;
}

new Counter({
  name: 'border_gate_redis_outages_total',
  help: 'Times this process lost Redis (an outage starts when its first connection fails)',
  registers: [processRegistry],
  collect() {
    this.reset();
    this.inc(redisOutages?.outages ?? 0);
  },
});

new Counter({
  name: 'border_gate_redis_unreachable_seconds_total',
  help: 'Seconds this process could not reach Redis, the outage going on included',
  registers: [processRegistry],
  collect() {
    this.reset();
    this.inc(redisOutages?.unreachableSeconds() ?? 0);
  },
});
