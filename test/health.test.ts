import { Redis } from 'ioredis';
import { eventually } from './support/factories.js';
import { DisposableRedis } from './support/redis-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('GET /health', () => {
  const redis = new DisposableRedis();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    // One pooled connection, so a test can hold it and leave the database probe waiting.
    t = await startTestApp({ REDIS_URL: redis.url, DATABASE_POOL_SIZE: '1' });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('answers 200 ok with every part up while PostgreSQL, Redis and a worker are all well', async () => {
    const res = await eventually(async () => {
      const answer = await t.request({ method: 'GET', url: '/health' });
      return answer.json().status === 'ok' ? answer : undefined;
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    // Other files' declarations share this database: how old its backlog is, is theirs to say.
    const { oldestUnrelayedOutboxSeconds, oldestPendingScreeningSeconds, ...worker } = body.checks.worker;
    for (const age of [oldestUnrelayedOutboxSeconds, oldestPendingScreeningSeconds]) {
      expect(age === null || Number.isInteger(age)).toBe(true);
    }
    expect({ ...body, checks: { ...body.checks, worker } }).toEqual({
      status: 'ok',
      checks: {
        database: { status: 'up', ok: true, latencyMs: expect.any(Number) },
        redis: { status: 'up', ok: true, latencyMs: expect.any(Number) },
        worker: {
          status: 'up',
          ok: true,
          workersAlive: expect.any(Number),
          lastHeartbeatAt: expect.any(String),
          failedScreenings: expect.any(Number),
        },
      },
    });
    expect(worker.workersAlive).toBeGreaterThanOrEqual(1);
  });

  it('is degraded, not down, when Redis does not answer within 2 s', async () => {
    const admin = new Redis(redis.url);
    try {
      await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
      const started = Date.now();
      const res = await t.request({ method: 'GET', url: '/health' });
      expect(Date.now() - started).toBeLessThan(2900);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'degraded',
        checks: {
          database: { status: 'up', ok: true },
          redis: { status: 'degraded', ok: false, error: 'redis probe timed out after 2000 ms' },
        },
      });
      expect(await admin.ping()).toBe('PONG'); // answered once the pause is over
    } finally {
      admin.disconnect();
    }
  });

  it('is down (503) when PostgreSQL does not answer within 2 s, and says which part', async () => {
    const held = t.sql.rows('SELECT pg_sleep(3)');
    try {
      const started = Date.now();
      const res = await t.request({ method: 'GET', url: '/health' });
      expect(Date.now() - started).toBeLessThan(2900);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'down',
        checks: {
          database: { status: 'down', ok: false, error: 'database probe timed out after 2000 ms' },
          redis: { status: 'up', ok: true },
          worker: { status: 'degraded', ok: false, workersAlive: 0, error: expect.stringContaining('timed out') },
        },
      });
    } finally {
      await held;
    }
    expect((await t.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('is described in the OpenAPI document with its answer for 200 and 503', async () => {
    const spec = (await t.request({ method: 'GET', url: '/api/docs-json' })).json();
    const responses = spec.paths['/health'].get.responses;
    for (const status of ['200', '503']) {
      expect(responses[status].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/HealthResponseDto',
      });
    }
    const schemas = spec.components.schemas;
    expect(schemas.HealthResponseDto.properties.status.enum).toEqual(['ok', 'degraded', 'down']);
    expect(Object.keys(schemas.WorkerProgressResponseDto.properties)).toEqual(
      expect.arrayContaining(['workersAlive', 'lastHeartbeatAt', 'oldestPendingScreeningSeconds', 'failedScreenings']),
    );
  });
});
