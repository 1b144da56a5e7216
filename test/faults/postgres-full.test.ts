import pg from 'pg';
import { eventually } from '../support/factories.js';
import { type Answer, Drill, expectUnavailable } from './drill.js';

const MAX_CONNECTIONS = 20;

// PostgreSQL's connection table fills up (another client leaks connections): the API keeps serving from the
// connections its pool already holds, answers a coded 503 with Retry-After when it needs a new one, never a 500
// or a hang, and serves again by itself once connections are free.
describe('PostgreSQL with its connection table full', () => {
  const drill = new Drill('drill_pg_full_test', { maxConnections: MAX_CONNECTIONS });
  const hogs: pg.Client[] = [];

  beforeAll(async () => {
    await drill.setUp();
    await drill.startApi({ DATABASE_POOL_SIZE: '5' });
  }, 120_000);
  afterAll(async () => {
    await releaseHogs();
    await drill.tearDown();
  });

  /** Opens connections until the server refuses one with `too many clients`; returns how many it opened. */
  async function fillConnectionTable(): Promise<number> {
    await drill.closeSql();
    let opened = 0;
    for (let i = 0; i < MAX_CONNECTIONS + 5; i += 1) {
      const client = new pg.Client({ connectionString: drill.postgres.url(), connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
      } catch (error) {
        expect((error as { code?: string }).code).toBe('53300'); // too_many_connections, not anything else
        return opened;
      }
      client.on('error', () => undefined); // a hog terminated by the drill is expected
      hogs.push(client);
      opened += 1;
    }
    throw new Error(`the server accepted ${opened} connections past max_connections = ${MAX_CONNECTIONS}`);
  }

  async function releaseHogs(): Promise<void> {
    await Promise.all(hogs.splice(0).map((c) => c.end().catch(() => undefined)));
  }

  function expectAnsweredWell(answers: Answer[]): void {
    for (const answer of answers) {
      if (answer.status === 202) continue;
      expectUnavailable(answer);
    }
  }

  async function keysStored(keys: string[]): Promise<string[]> {
    const { rows } = await drill.sql().query<{ key: string }>(
      `SELECT r.key FROM idempotency_record r WHERE r.key = ANY($1)
        UNION SELECT r.key FROM idempotency_record r JOIN declaration d ON d.id = (r.response_body->>'id')::uuid
        WHERE r.key = ANY($1)`,
      [keys],
    );
    return rows.map((r) => r.key);
  }

  it('serves from its pool, answers 503 + Retry-After for a new connection, and recovers once freed', async () => {
    // The pool holds connections from serving a burst.
    const warm = await Promise.all(Array.from({ length: 10 }, () => drill.submit()));
    expect(warm.map((a) => a.status)).toEqual(Array(10).fill(202));

    const opened = await fillConnectionTable();
    expect(opened).toBeGreaterThan(0);

    // What the pool already holds keeps working: answers are 202s, or coded 503s when a request needed more
    // connections than the pool had open. Never a 500, never a hang.
    const fromPool = await Promise.all(Array.from({ length: 20 }, () => drill.submit()));
    expectAnsweredWell(fromPool);
    expect(fromPool.some((a) => a.status === 202)).toBe(true);

    // The pool's own connections end too (as when the server restarts them), and the freed slots are taken at once:
    // now every request needs a new connection, and none can be had.
    const admin = hogs[0];
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'border-gate-api'`,
    );
    await eventually(async () => {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'border-gate-api'`,
      );
      return rows[0].n === 0 ? true : undefined;
    });
    await fillConnectionTable();
    const starved: Answer[] = [];
    for (let i = 0; i < 3; i += 1)
      starved.push(...(await Promise.all(Array.from({ length: 5 }, () => drill.submit()))));
    // The first requests after the terminations may still find the pool's dead connections: 503 as well.
    for (const answer of starved) expectUnavailable(answer);

    await releaseHogs();
    const recovered = await eventually(
      async () => {
        const answer = await drill.submit();
        return answer.status === 202 ? answer : undefined;
      },
      30_000,
      'the API to accept declarations again',
    );
    expect(recovered.body.id).toEqual(expect.any(String));

    // Refused requests left nothing behind.
    const refused = [...fromPool, ...starved].filter((a) => a.status === 503).map((a) => a.key);
    expect(await keysStored(refused)).toEqual([]);
    const accepted = [...fromPool.filter((a) => a.status === 202), recovered].map((a) => a.key);
    expect((await keysStored(accepted)).sort()).toEqual(accepted.sort());
    expect(drill.api!.child.exitCode).toBeNull();
  }, 180_000);
});
