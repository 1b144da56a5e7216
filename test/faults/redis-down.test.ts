import { METRICS_HEADERS } from '../support/test-env.js';
import { settled, submit } from '../support/api.js';
import { ScreeningProcessor } from '../../src/modules/screening/screening.processor.js';
import { declarationBody, eventually, uniqueVnPlate } from '../support/factories.js';
import { DisposableRedis } from '../support/redis-server.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

function lookup(t: TestApp, from: string): Promise<TestResponse> {
  return t.request({
    method: 'GET',
    url: `/api/v1/vehicles/${encodeURIComponent(uniqueVnPlate())}/status`,
    headers: { 'x-forwarded-for': from },
  });
}

async function failedOpenUnavailable(t: TestApp): Promise<number> {
  const metrics = (await t.request({ method: 'GET', url: '/metrics', headers: METRICS_HEADERS })).body;
  const line = /^border_gate_rate_limit_fail_open_total\{scope="public",reason="unavailable"\} (\d+)$/m.exec(metrics);
  return Number(line?.[1]);
}

describe('Redis shut down: nothing lost, rate limits fail open', () => {
  const redis = new DisposableRedis();
  let t: TestApp;
  let company: { id: string; apiKey: string };

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp({
      REDIS_URL: redis.url,
      RECONCILE_INTERVAL_MS: '250',
      RECONCILE_STALE_AFTER_MS: '1000',
      RATE_LIMIT_PUBLIC_PER_MIN: '2',
      HTTP_TRUST_PROXY: 'true',
    });
    company = await t.createCompany();
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  async function expectScreenedOnce(ids: string[]): Promise<void> {
    const results = await Promise.all(ids.map((id) => settled(t, company.apiKey, id, 45_000)));
    for (const r of results) expect(r.status).toBe('accepted');
    const events = await t.sql.rows<{ declaration_id: string; moves: string }>(
      `SELECT declaration_id, string_agg(to_status, ',' ORDER BY id) AS moves
         FROM declaration_event WHERE declaration_id = ANY($1::uuid[]) GROUP BY declaration_id`,
      [ids],
    );
    expect(events).toHaveLength(ids.length);
    for (const e of events) expect(e.moves).toBe('submitted,accepted');
  }

  it('accepts submissions and lets rate-limited requests through, counted, while Redis is down; screens each submission once after', async () => {
    const client = '203.0.113.30';
    expect([(await lookup(t, client)).statusCode, (await lookup(t, client)).statusCode]).toEqual([404, 404]);
    expect((await lookup(t, client)).statusCode).toBe(429);

    await redis.stop();
    await eventually(async () =>
      (await t.request({ method: 'GET', url: '/health' })).json().checks.redis.ok ? undefined : true,
    );

    // Rate-limited endpoints fail open, each request counted.
    const failedOpenBefore = await failedOpenUnavailable(t);
    const lookups = [];
    for (let i = 0; i < 5; i += 1) lookups.push((await lookup(t, client)).statusCode);
    expect(lookups).toEqual(Array(5).fill(404));
    expect((await failedOpenUnavailable(t)) - failedOpenBefore).toBe(5);

    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(t, company.apiKey, declarationBody())));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(202));
    expect(Date.now() - started).toBeLessThan(10_000); // not blocked waiting on Redis
    const ids = answers.map((a) => a.json().id as string);

    const pending = await t.sql.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL AND payload->>'declarationId' = ANY($1)`,
      [ids],
    );
    expect(pending!.n).toBe(20);
    const health = await t.request({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'degraded',
      checks: { database: { ok: true }, redis: { ok: false } },
    });

    await redis.start();
    await expectScreenedOnce(ids);
    // The limiter is back too: the client over its limit before the outage still is for the rest of its
    // minute, and a new client gets its 2.
    expect((await lookup(t, client)).statusCode).toBe(429);
    const newcomer = '203.0.113.31';
    expect([(await lookup(t, newcomer)).statusCode, (await lookup(t, newcomer)).statusCode]).toEqual([404, 404]);
    expect((await lookup(t, newcomer)).statusCode).toBe(429);
    // The outbox drains completely (acceptance also writes no-show timers, relayed a moment later).
    await eventually(async () => {
      const unrelayed = await t.sql.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL AND payload->>'declarationId' = ANY($1)`,
        [ids],
      );
      return unrelayed!.n === 0 ? true : undefined;
    });
  });

  it('re-drives jobs that were waiting in Redis when it restarted empty', async () => {
    const worker = t.app.get(ScreeningProcessor).worker;
    await worker.pause();
    const ids: string[] = [];
    for (let i = 0; i < 15; i += 1) ids.push((await submit(t, company.apiKey, declarationBody())).json().id);
    // Every job has been handed to Redis, none processed.
    await eventually(async () => {
      const row = await t.sql.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL',
      );
      return row!.n === 0 ? true : undefined;
    });
    const waiting = await t.sql.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM declaration WHERE id = ANY($1::uuid[]) AND status = 'submitted'`,
      [ids],
    );
    expect(waiting!.n).toBe(15);

    await redis.stop(); // the waiting jobs vanish with it
    await redis.start();
    await worker.resume();

    await expectScreenedOnce(ids);
    const redriven = await t.sql.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM declaration WHERE id = ANY($1::uuid[]) AND screening_redriven_at IS NOT NULL',
      [ids],
    );
    expect(redriven!.n).toBe(15); // the reconciler, not luck, brought them back
  });
});
