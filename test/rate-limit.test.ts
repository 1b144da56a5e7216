import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import type { WindowDecision } from '../src/modules/rate-limit/rate-limit.policy.js';
import { RateLimitLeases } from '../src/modules/rate-limit/rate-limit-leases.service.js';
import { RateLimitStoreStalled, RateLimitStoreTimeout } from '../src/modules/rate-limit/fail-open.js';
import { RateLimitStore } from '../src/modules/rate-limit/rate-limit-store.service.js';
import { leaseBlockSize } from '../src/modules/rate-limit/token-lease.js';
import { eventually, uniqueVnPlate } from './support/factories.js';
import { DisposableRedis } from './support/redis-server.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';
import { METRICS_HEADERS, TEST_REDIS_URL, testConfig, testQueuePrefix } from './support/test-env.js';

const LIMITS = {
  APP_ROLE: 'api',
  RATE_LIMIT_PUBLIC_PER_MIN: '5',
  RATE_LIMIT_COMPANY_PER_MIN: '4',
  HTTP_TRUST_PROXY: 'true',
  // These cases count exactly; on a busy test machine a 100 ms wait could fail open and admit one more.
  RATE_LIMIT_REDIS_TIMEOUT_MS: '1000',
};

let addressSeq = 0;
/** A documentation address (RFC 5737) that no other case in this file uses, so each starts a fresh budget. */
function clientAddress(): string {
  addressSeq += 1;
  return `203.0.113.${addressSeq}`;
}

function lookup(t: TestApp, from?: string): Promise<TestResponse> {
  return t.request({
    method: 'GET',
    url: `/api/v1/vehicles/${encodeURIComponent(uniqueVnPlate())}/status`,
    headers: from ? { 'x-forwarded-for': from } : {},
  });
}

function listDeclarations(t: TestApp, apiKey: string, from?: string): Promise<TestResponse> {
  return t.request({
    method: 'GET',
    url: '/api/v1/declarations',
    headers: { authorization: `Bearer ${apiKey}`, ...(from ? { 'x-forwarded-for': from } : {}) },
  });
}

/** Well-formed but issued to nobody. */
function inventedKey(): string {
  return `bgk_${randomBytes(32).toString('base64url')}`;
}

function expectTooManyRequests(res: TestResponse, limit: number): void {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({
    statusCode: 429,
    code: 'RATE_LIMIT.EXCEEDED',
    message: expect.stringContaining(`at most ${limit} a minute`),
    details: { limit, windowSeconds: 60, retryAfterSeconds: expect.any(Number) },
    requestId: res.headers['x-request-id'],
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe('0');
  expect(res.headers['ratelimit-reset']).toBe(String(retryAfter));
}

describe('rate limits', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // Two API processes on one Redis namespace, as production runs N replicas.
    const prefix = testQueuePrefix();
    a = await startTestApp({ ...LIMITS, QUEUE_PREFIX: prefix });
    b = await startTestApp({ ...LIMITS, QUEUE_PREFIX: prefix });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('answers the sixth public lookup from one address with 429 and Retry-After; another address goes on', async () => {
    const crowded = clientAddress();
    for (let i = 1; i <= 5; i += 1) {
      const res = await lookup(a, crowded);
      expect(res.statusCode).toBe(404); // unknown plate: answered, and counted
      expect(res.headers['ratelimit-limit']).toBe('5');
      expect(res.headers['ratelimit-remaining']).toBe(String(5 - i));
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
    }
    expectTooManyRequests(await lookup(a, crowded), 5);

    const other = await lookup(a, clientAddress());
    expect(other.statusCode).toBe(404);
    expect(other.headers['ratelimit-remaining']).toBe('4');
  });

  it('keeps each company key to its own budget', async () => {
    const first = await a.createCompany('Công ty A');
    const second = await a.createCompany('Công ty B');
    for (let i = 1; i <= 4; i += 1) {
      const res = await listDeclarations(a, first.apiKey);
      expect(res.statusCode).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe('4');
      expect(res.headers['ratelimit-remaining']).toBe(String(4 - i));
    }
    expectTooManyRequests(await listDeclarations(a, first.apiKey), 4);

    const other = await listDeclarations(a, second.apiKey); // same address, other key
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('3');
  });

  it('counts requests without a valid key per address, so inventing keys buys no budget', async () => {
    const from = clientAddress();
    for (let i = 0; i < 4; i += 1) {
      const res = await listDeclarations(a, inventedKey(), from);
      expect(res.statusCode).toBe(401);
      expect(res.headers['ratelimit-remaining']).toBe(String(3 - i));
    }
    expectTooManyRequests(await listDeclarations(a, inventedKey(), from), 4);
    const noKey = await a.request({ method: 'GET', url: '/api/v1/declarations', headers: { 'x-forwarded-for': from } });
    expectTooManyRequests(noKey, 4);

    // A real key from the same address has its own budget.
    const company = await a.createCompany();
    expect((await listDeclarations(a, company.apiKey, from)).statusCode).toBe(200);
  });

  it('shares one budget between API processes', async () => {
    const from = clientAddress();
    const answers = [
      await lookup(a, from),
      await lookup(b, from),
      await lookup(a, from),
      await lookup(b, from),
      await lookup(a, from),
    ];
    expect(answers.map((r) => r.headers['ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);
    expectTooManyRequests(await lookup(b, from), 5);
    expectTooManyRequests(await lookup(a, from), 5);

    const company = await a.createCompany();
    for (const t of [a, b, a, b]) expect((await listDeclarations(t, company.apiKey)).statusCode).toBe(200);
    expectTooManyRequests(await listDeclarations(b, company.apiKey), 4);
  });

  it('admits exactly the limit from a concurrent burst spread over both processes', async () => {
    const from = clientAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => lookup(i % 2 === 0 ? a : b, from)));
    expect(answers.filter((r) => r.statusCode === 404)).toHaveLength(5);
    for (const refused of answers.filter((r) => r.statusCode !== 404)) expectTooManyRequests(refused, 5);
  });

  it('never limits /metrics, /health or officer routes', async () => {
    const from = clientAddress();
    for (let i = 0; i < 8; i += 1) {
      for (const url of ['/metrics', '/health', '/api/v1/auth/me']) {
        const res = await a.request({ method: 'GET', url, headers: { 'x-forwarded-for': from } });
        expect(res.statusCode).not.toBe(429);
        expect(res.headers['ratelimit-limit']).toBeUndefined();
      }
    }
  });

  it('counts refusals in the metrics', async () => {
    const from = clientAddress();
    for (let i = 0; i < 7; i += 1) await lookup(a, from);
    const text = (await a.request({ method: 'GET', url: '/metrics', headers: METRICS_HEADERS })).body;
    const refused = /^border_gate_rate_limit_rejected_total\{scope="public"\} (\d+)$/m.exec(text);
    expect(Number(refused?.[1])).toBeGreaterThanOrEqual(2);
  });
});

describe('rate limits set to 0', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ...LIMITS, RATE_LIMIT_PUBLIC_PER_MIN: '0', RATE_LIMIT_COMPANY_PER_MIN: '0' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns limiting off', async () => {
    const from = clientAddress();
    const company = await t.createCompany();
    for (let i = 0; i < 10; i += 1) {
      const res = await lookup(t, from);
      expect(res.statusCode).toBe(404);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
      const listed = await listDeclarations(t, company.apiKey, from);
      expect(listed.statusCode).toBe(200);
      expect(listed.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('rate limits while Redis is down', () => {
  const redis = new DisposableRedis();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp({ ...LIMITS, REDIS_URL: redis.url, RATE_LIMIT_PUBLIC_PER_MIN: '1' });
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await t.close();
    await redis.stop();
  });

  it('lets requests through (fail open), counts them, and still answers /metrics', async () => {
    const from = clientAddress();
    expect((await lookup(t, from)).statusCode).toBe(404);
    expect((await lookup(t, from)).statusCode).toBe(429);

    await redis.stop();
    const through = await eventually(async () => {
      const res = await lookup(t, from);
      return res.statusCode === 404 ? res : undefined;
    }, 10_000);
    expect(through.headers['ratelimit-limit']).toBeUndefined();
    for (let i = 0; i < 3; i += 1) expect((await lookup(t, from)).statusCode).toBe(404);

    const started = Date.now();
    const metrics = await t.request({ method: 'GET', url: '/metrics', headers: METRICS_HEADERS });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/^border_gate_metrics_source_up\{source="redis"\} 0$/m);
    expect(metrics.body).toMatch(/^border_gate_metrics_source_up\{source="postgres"\} 1$/m);
    const failOpen = /^border_gate_rate_limit_fail_open_total\{scope="public",reason="unavailable"\} (\d+)$/m.exec(
      metrics.body,
    );
    expect(Number(failOpen?.[1])).toBeGreaterThanOrEqual(4);
  });
});

/** One API process's rate-limit state, on its own Redis connection, counting the lease calls it makes. */
interface LimiterProcess {
  redis: Redis;
  leases: RateLimitLeases;
  leaseCalls: () => number;
}

async function limiterProcess(prefix: string, redisUrl = TEST_REDIS_URL): Promise<LimiterProcess> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  // A generous timeout: these cases are about counting, on a machine busy with other suites.
  const config = testConfig({ QUEUE_PREFIX: prefix, RATE_LIMIT_REDIS_TIMEOUT_MS: '2000' });
  const store = new RateLimitStore(redis, config.queue, config.rateLimit);
  let calls = 0;
  const lease = store.lease.bind(store);
  store.lease = (...args) => {
    calls += 1;
    return lease(...args);
  };
  return {
    redis,
    leases: new RateLimitLeases(store, new PinoLogger({ pinoHttp: { level: 'silent' } })),
    leaseCalls: () => calls,
  };
}

function allowed(decisions: WindowDecision[]): number {
  return decisions.filter((d) => d.allowed).length;
}

describe('rate-limit leases', () => {
  const prefix = testQueuePrefix();
  const processes: LimiterProcess[] = [];
  let bucketSeq = 0;
  const freshBucket = (): string => `public:ip:198.51.100.${(bucketSeq += 1)}`;

  beforeAll(async () => {
    processes.push(await limiterProcess(prefix), await limiterProcess(prefix));
  });
  afterAll(async () => {
    const [first] = processes;
    const keys = await first.redis.keys(`${prefix}:rl:*`);
    if (keys.length > 0) await first.redis.del(...keys);
    for (const p of processes) await p.redis.quit();
  });

  it('never admits more than the limit in one window, however requests spread over processes', async () => {
    for (const limit of [5, 200, 1_000]) {
      const bucket = freshBucket();
      const decisions = await Promise.all(
        Array.from({ length: limit * 3 }, (_, i) => processes[i % 2].leases.take(bucket, limit)),
      );
      // The documented bound is limit + processes × block; Redis never grants past the limit, and both
      // processes spend every token they hold here, so it is exactly the limit.
      expect(allowed(decisions)).toBeLessThanOrEqual(limit + processes.length * leaseBlockSize(limit));
      expect(allowed(decisions)).toBe(limit);
      expect(Number(await processes[0].redis.get(`${prefix}:rl:${bucket}`))).toBe(limit);
    }
  });

  it('admits exactly the limit when two processes take turns, one request at a time', async () => {
    const bucket = freshBucket();
    const decisions: WindowDecision[] = [];
    for (let i = 0; i < 450; i += 1) decisions.push(await processes[i % 2].leases.take(bucket, 400));
    expect(allowed(decisions)).toBe(400);
    expect(decisions.slice(400).every((d) => !d.allowed && d.remaining === 0)).toBe(true);
  });

  it('serves a concurrent burst from one client with one lease call per block', async () => {
    const [p] = processes;
    const bucket = freshBucket();
    const before = p.leaseCalls();
    const decisions = await Promise.all(Array.from({ length: 300 }, () => p.leases.take(bucket, 1_000)));
    expect(allowed(decisions)).toBe(300);
    const calls = p.leaseCalls() - before;
    expect(calls).toBe(300 / leaseBlockSize(1_000)); // 6: single flight, so waiters share each call
    expect(Number(await p.redis.get(`${prefix}:rl:${bucket}`))).toBe(300);
  });

  it('counts down Remaining locally between leases, and asks Redis once per block', async () => {
    const [p] = processes;
    const bucket = freshBucket();
    const before = p.leaseCalls();
    const remaining: number[] = [];
    for (let i = 0; i < 100; i += 1) remaining.push((await p.leases.take(bucket, 600)).remaining);
    expect(remaining).toEqual(Array.from({ length: 100 }, (_, i) => 599 - i));
    expect(p.leaseCalls() - before).toBe(Math.ceil(100 / leaseBlockSize(600))); // 4 of 30 tokens
  });

  it('refuses a client over its limit without asking Redis again until the window ends', async () => {
    const [p] = processes;
    const bucket = freshBucket();
    for (let i = 0; i < 5; i += 1) expect((await p.leases.take(bucket, 5)).allowed).toBe(true);
    const before = p.leaseCalls();
    for (let i = 0; i < 50; i += 1) expect((await p.leases.take(bucket, 5)).allowed).toBe(false);
    expect(p.leaseCalls() - before).toBe(0); // the fifth token's lease already said the window is spent
  });

  it('keeps the number of buckets a process remembers bounded', async () => {
    const p = await limiterProcess(prefix);
    try {
      for (let start = 0; start < 21_000; start += 200) {
        await Promise.all(Array.from({ length: 200 }, (_, i) => p.leases.take(`public:ip:bound-${start + i}`, 600)));
      }
      expect(p.leases.size).toBeLessThanOrEqual(20_000);
      expect(p.leases.size).toBeGreaterThan(1_000);
    } finally {
      await p.redis.quit();
    }
  });
});

describe('rate-limit leases while Redis is down', () => {
  const redis = new DisposableRedis();
  let p: LimiterProcess;

  beforeAll(async () => {
    await redis.start();
    p = await limiterProcess(testQueuePrefix(), redis.url);
  });
  afterAll(async () => {
    p.redis.disconnect();
    await redis.stop();
  });

  it('spends tokens already held, and rejects (so the hook fails open) once it needs Redis', async () => {
    expect((await p.leases.take('public:ip:held', 1_000)).allowed).toBe(true); // holds 49 more
    expect((await p.leases.take('public:ip:spent', 1)).allowed).toBe(true);
    expect((await p.leases.take('public:ip:spent', 1)).allowed).toBe(false);

    await redis.stop();
    await eventually(() => Promise.resolve(p.redis.status === 'ready' ? undefined : true), 10_000);
    for (let i = 0; i < 49; i += 1) expect((await p.leases.take('public:ip:held', 1_000)).allowed).toBe(true);
    await expect(p.leases.take('public:ip:held', 1_000)).rejects.toThrow(/Redis is not ready/);
    await expect(p.leases.take('public:ip:fresh', 1_000)).rejects.toThrow(/Redis is not ready/);
    // A refusal known before the outage does not outlast it: the outage lets everyone through.
    await expect(p.leases.take('public:ip:spent', 1)).rejects.toThrow(/Redis is not ready/);
  });
});

describe('rate-limit leases while Redis is frozen', () => {
  const redis = new DisposableRedis();
  const prefix = testQueuePrefix();
  let p: LimiterProcess;
  let store: RateLimitStore;
  let observer: Redis;

  beforeAll(async () => {
    await redis.start();
    p = await limiterProcess(prefix, redis.url);
    observer = new Redis(redis.url);
    const config = testConfig({ QUEUE_PREFIX: prefix, RATE_LIMIT_REDIS_TIMEOUT_MS: '100' });
    store = new RateLimitStore(p.redis, config.queue, config.rateLimit);
  });
  afterAll(async () => {
    redis.thaw();
    p.redis.disconnect();
    observer.disconnect();
    await redis.stop();
  });

  it('gives up on a call after its timeout, refuses the next at once, and never counts the late call', async () => {
    const key = `${prefix}:rl:public:ip:frozen`;
    expect((await store.lease('public:ip:frozen', 60_000, 100, 5)).granted).toBe(5);

    redis.freeze();
    await expect(store.lease('public:ip:frozen', 60_000, 100, 5)).rejects.toBeInstanceOf(RateLimitStoreTimeout);
    // The first call is still queued in the connection: the next ones are not sent at all.
    for (let i = 0; i < 20; i += 1) {
      await expect(store.lease('public:ip:frozen', 60_000, 100, 5)).rejects.toBeInstanceOf(RateLimitStoreStalled);
    }
    await new Promise((r) => setTimeout(r, 500));
    redis.thaw();

    // The queued call ran now, after its deadline: it counted nothing. The stall is over with its answer.
    const grant = await eventually(() => store.lease('public:ip:frozen', 60_000, 100, 5).catch(() => undefined), 5_000);
    expect(grant).toMatchObject({ granted: 5, count: 10 });
    expect(Number(await observer.get(key))).toBe(10);
  });
});
