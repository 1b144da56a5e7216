import { METRICS_HEADERS } from '../support/test-env.js';
import { createLogger } from '../../src/common/logging/logger.js';
import { settled, submit } from '../support/api.js';
import { declarationBody, uniqueVnPlate } from '../support/factories.js';
import { DisposableRedis } from '../support/redis-server.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

const PUBLIC_LIMIT = 120;
const FREEZE_MS = 20_000;

function lookup(t: TestApp, from: string): Promise<TestResponse> {
  return t.request({
    method: 'GET',
    url: `/api/v1/vehicles/${encodeURIComponent(uniqueVnPlate())}/status`,
    headers: { 'x-forwarded-for': from },
  });
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A well-behaved client: one lookup every 250 ms (4 a second, 240 a minute at most) until `stop()`. */
function steadyClient(t: TestApp, from: string): { statuses: number[]; stop: () => Promise<void> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      statuses.push((await lookup(t, from)).statusCode);
      await pause(Math.max(0, 250 - (Date.now() - started)));
    }
  })();
  return {
    statuses,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

function failOpenCount(metrics: string, reason: string): number {
  const line = new RegExp(
    `^border_gate_rate_limit_fail_open_total\\{scope="public",reason="${reason}"\\} (\\d+)$`,
    'm',
  );
  return Number(line.exec(metrics)?.[1] ?? 0);
}

function totalFailOpen(metrics: string): number {
  return ['unavailable', 'timeout', 'stalled', 'error'].reduce(
    (sum, reason) => sum + failOpenCount(metrics, reason),
    0,
  );
}

describe('rate limits across a Redis freeze', () => {
  const redis = new DisposableRedis();
  const lines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    // The production logger writing into this array instead of stdout.
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    t = await startTestApp(
      {
        REDIS_URL: redis.url,
        RATE_LIMIT_PUBLIC_PER_MIN: String(PUBLIC_LIMIT),
        HTTP_TRUST_PROXY: 'true',
        LOG_LEVEL: 'info',
      },
      logger,
    );
  });
  afterAll(async () => {
    redis.thaw();
    await t.close();
    await redis.stop();
  });

  it('refuses no well-behaved client during or after a freeze, keeps taking declarations, and still limits', async () => {
    const company = await t.createCompany();
    // 4 a second, but only the ~8 s around the freeze are counted: about 32 requests of the window's 120.
    const client = steadyClient(t, '203.0.113.10');
    await pause(2_000);

    redis.freeze();
    const duringFreeze = Date.now();
    const declarations: TestResponse[] = [];
    while (Date.now() - duringFreeze < FREEZE_MS) {
      declarations.push(await submit(t, company.apiKey, declarationBody()));
      await pause(1_000);
    }
    const loggedDuringFreeze = [...lines];
    redis.thaw();

    await pause(6_000); // every command queued during the freeze has been answered by now
    await client.stop();

    expect(client.statuses.length).toBeGreaterThan(40);
    expect(client.statuses.filter((s) => s !== 404)).toEqual([]); // unknown plates: 404, never 429
    expect(declarations.map((d) => d.statusCode)).toEqual(declarations.map(() => 202));
    for (const d of declarations) {
      expect((await settled(t, company.apiKey, d.json().id as string, 45_000)).status).toBe('accepted');
    }

    const metrics = (await t.request({ method: 'GET', url: '/metrics', headers: METRICS_HEADERS })).body;
    expect(failOpenCount(metrics, 'timeout')).toBeGreaterThan(0);
    // Behind the first unanswered call the others were not even sent.
    expect(failOpenCount(metrics, 'stalled')).toBeGreaterThan(0);

    // One warning for the whole freeze, not one per request, and a line once it ended; no client address in them.
    const stallLines = (logged: string[]): string[] =>
      logged.filter((l) => l.includes('rate-limit store not answering in time'));
    expect(stallLines(loggedDuringFreeze)).toHaveLength(1);
    const recovered = lines.filter((l) => l.includes('rate-limit store reachable again'));
    expect(recovered.length).toBeGreaterThanOrEqual(1);
    for (const line of [...stallLines(lines), ...recovered]) expect(line).not.toMatch(/203\.0\.113/);

    // The limiter works again: a client far over its limit is refused once it has had its 120. Only a lease
    // that timed out on this busy machine could admit one more, and that is counted as fail-open.
    const failOpenBefore = totalFailOpen(metrics);
    const greedy: number[] = [];
    for (let i = 0; i < PUBLIC_LIMIT + 30; i += 1) greedy.push((await lookup(t, '203.0.113.11')).statusCode);
    const failedOpen =
      totalFailOpen((await t.request({ method: 'GET', url: '/metrics', headers: METRICS_HEADERS })).body) -
      failOpenBefore;
    expect(greedy.filter((s) => s === 404)).toHaveLength(PUBLIC_LIMIT + failedOpen);
    expect(greedy.filter((s) => s === 429)).toHaveLength(30 - failedOpen);
  });
});

describe('rate limits once a freeze is over, before any lease has answered', () => {
  const redis = new DisposableRedis();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_PUBLIC_PER_MIN: '10', HTTP_TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    redis.thaw();
    await t.close();
    await redis.stop();
  });

  it('counts none of the requests let through during the freeze against the window after it', async () => {
    const from = '203.0.113.20';
    expect((await lookup(t, from)).statusCode).toBe(404); // the window starts: 1 of 10
    redis.freeze();
    for (let i = 0; i < 30; i += 1) expect((await lookup(t, from)).statusCode).toBe(404);
    redis.thaw();
    await pause(2_000); // every lease queued during the freeze has been answered by now
    const after = [];
    for (let i = 0; i < 9; i += 1) after.push((await lookup(t, from)).statusCode);
    expect(after).toEqual(Array(9).fill(404));
    expect((await lookup(t, from)).statusCode).toBe(429);
  });
});
