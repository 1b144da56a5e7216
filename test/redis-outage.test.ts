import { settled, submit } from './support/api.js';
import { ScreeningProcessor } from '../src/modules/screening/screening.processor.js';
import { declarationBody, eventually } from './support/factories.js';
import { DisposableRedis } from './support/redis-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('nothing lost when Redis goes away', () => {
  const redis = new DisposableRedis();
  let t: TestApp;
  let company: { id: string; apiKey: string };

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp({ REDIS_URL: redis.url, RECONCILE_INTERVAL_MS: '250', RECONCILE_STALE_AFTER_MS: '1000' });
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

  it('accepts submissions while Redis is down and screens every one of them once it is back', async () => {
    await redis.stop();

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
