import pg from 'pg';
import { eventually } from '../support/factories.js';
import { Drill } from './drill.js';

const DECLARATIONS = 50;

// The worker is killed (SIGKILL: no shutdown, no goodbye to Redis or PostgreSQL) while it is screening a batch.
// A new worker finishes the work: every declaration is screened exactly once, and nothing stays stuck.
describe('the worker killed mid-batch', () => {
  const drill = new Drill('drill_worker_kill_test');
  let blocker: pg.Client | null = null;

  beforeAll(async () => {
    await drill.setUp();
    await drill.startApi();
  }, 120_000);
  afterAll(async () => {
    await blocker?.end().catch(() => undefined);
    await drill.tearDown();
  });

  async function workerSessionsWaitingOnLocks(): Promise<number> {
    const { rows } = await drill.sql().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'border-gate-worker' AND wait_event_type = 'Lock'`,
    );
    return rows[0].n;
  }

  it('screens every declaration exactly once after a new worker takes over', async () => {
    const answers = await Promise.all(Array.from({ length: DECLARATIONS }, () => drill.submit()));
    expect(answers.map((a) => a.status)).toEqual(Array(DECLARATIONS).fill(202));
    const ids = answers.map((a) => a.body.id as string);

    // Screening's first write is the gate's capacity ledger: holding that table keeps every screening job
    // active, mid-transaction, until the worker is gone (screening has no "slow" setting to lean on).
    blocker = new pg.Client({ connectionString: drill.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE gate_day_load IN SHARE MODE');

    const first = await drill.startWorker();
    const active = await eventually(
      async () => {
        const n = await workerSessionsWaitingOnLocks();
        return n >= 5 ? n : undefined;
      },
      30_000,
      'screening jobs to be active',
    );
    expect(active).toBeGreaterThanOrEqual(5);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    await blocker.query('COMMIT');
    await blocker.end();
    blocker = null;

    // Nothing was screened by the killed worker: its transactions never committed.
    const partial = await drill.moves(ids);
    expect([...partial.values()].filter((m) => m !== 'submitted')).toEqual([]);

    // A new worker (the orphaned jobs come back once their locks in Redis expire, or the reconciler re-drives them).
    await drill.startWorker();
    const moves = await drill.screenedOnce(ids, 120_000);
    expect(moves.size).toBe(DECLARATIONS);
    expect([...moves.values()]).toEqual(Array(DECLARATIONS).fill('submitted,accepted'));

    // Nothing stuck: each accepted declaration holds exactly one capacity slot, and the outbox has drained.
    const { rows: load } = await drill
      .sql()
      .query<{ accepted: number }>('SELECT coalesce(sum(accepted), 0)::int AS accepted FROM gate_day_load');
    expect(load[0].accepted).toBe(DECLARATIONS);
    await eventually(
      async () => {
        const { rows } = await drill
          .sql()
          .query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL');
        return rows[0].n === 0 ? true : undefined;
      },
      30_000,
      'the outbox to drain',
    );
  }, 240_000);
});
