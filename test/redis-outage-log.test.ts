import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from './support/factories.js';
import { type RunningService, startService } from './support/processes.js';
import { DisposableRedis } from './support/redis-server.js';
import { METRICS_HEADERS } from './support/test-env.js';

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  err?: { stack?: string };
  [field: string]: unknown;
}

const WARN = 40;

function linesOf(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/**
 * The whole service (API and worker in one process: a producer connection, each of five workers' own and blocking
 * connections, the live-update subscriber) on a private redis-server that the test stops and starts.
 */
describe('a Redis outage in the log, and a shutdown during one', () => {
  const redis = new DisposableRedis();
  let service: RunningService;

  beforeAll(async () => {
    await redis.start();
    service = await startService({ APP_ROLE: 'all', REDIS_URL: redis.url, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await service?.stop();
    await redis.stop();
  });

  it('logs one line when the outage starts and one when it ends, however many connections retry meanwhile', async () => {
    const from = service.output().length;
    await redis.stop();
    await eventually(
      () => Promise.resolve(service.output().slice(from).includes('unreachable (') ? true : undefined),
      10_000,
      'the outage to be logged',
    );
    await sleep(12_000); // every connection retries many times meanwhile
    await redis.start();
    await eventually(
      () => Promise.resolve(service.output().slice(from).includes('reachable again') ? true : undefined),
      15_000,
      'the end of the outage to be logged',
    );

    const warnings = linesOf(service.output().slice(from)).filter((line) => line.level >= WARN);
    expect(warnings.map((line) => line.msg)).toEqual([
      // Refused, or reset when the server died under a command: whichever a connection saw first.
      expect.stringMatching(
        new RegExp(
          `^Redis at 127\\.0\\.0\\.1:${redis.port} unreachable \\((connect ECONNREFUSED 127\\.0\\.0\\.1:${redis.port}|read ECONNRESET)\\); queued work is safe in PostgreSQL and goes on when Redis returns$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^Redis at 127\\.0\\.0\\.1:${redis.port} reachable again after \\d+ s; \\d+ reconnect attempts$`),
      ),
    ]);
    const end = warnings[1] as LogLine & { unreachableSeconds: number; reconnectAttempts: number };
    expect(end.unreachableSeconds).toBeGreaterThanOrEqual(12);
    // Far more attempts than lines: they were counted, not logged.
    expect(end.reconnectAttempts).toBeGreaterThan(20);
    expect(warnings.filter((line) => line.err !== undefined)).toEqual([]);

    const metrics = await (await fetch(`${service.url}/metrics`, { headers: METRICS_HEADERS })).text();
    expect(metrics).toMatch(/^border_gate_redis_outages_total 1$/m);
    const seconds = Number(/^border_gate_redis_unreachable_seconds_total (\S+)$/m.exec(metrics)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it('exits cleanly within seconds on SIGTERM while Redis is away, instead of waiting for it', async () => {
    const from = service.output().length;
    await redis.stop();
    await eventually(
      () => Promise.resolve(service.output().slice(from).includes('unreachable (') ? true : undefined),
      10_000,
      'the outage to be logged',
    );
    const asked = Date.now();
    const exit = await service.stop();
    const tookMs = Date.now() - asked;
    const errors = linesOf(service.output().slice(from)).filter((line) => line.level > WARN);
    // Nest re-raises SIGTERM after a clean shutdown; the 25 s backstop in main.ts would exit with code 1 instead.
    expect({ exit, errors }).toEqual({ exit: { code: null, signal: 'SIGTERM' }, errors: [] });
    expect(tookMs).toBeLessThan(10_000); // a generous bound: about 2 s here, against 25 s before
  }, 60_000);
});
