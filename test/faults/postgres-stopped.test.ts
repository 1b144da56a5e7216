import { eventually, idempotencyKey } from '../support/factories.js';
import { type Answer, Drill, expectUnavailable } from './drill.js';

// PostgreSQL stops under a running API and worker (separate processes, as in production) and starts again:
// every request is answered (a coded 503 with Retry-After while it is down, never a 500 or a hang), nothing is
// half-written, and the same processes recover by themselves, screening everything exactly once.
describe.each(['fast', 'immediate'] as const)('PostgreSQL stopped (%s) under the API and the worker', (mode) => {
  const drill = new Drill(`drill_pg_${mode}_test`);

  beforeAll(async () => {
    await drill.setUp();
    await drill.startApi();
    await drill.startWorker();
  }, 120_000);
  afterAll(async () => {
    await drill.tearDown();
  });

  /** Declarations and their rows for the keys: the declaration, its events and its outbox messages. */
  async function rowsFor(keys: string[]): Promise<Map<string, { id: string; events: number; outbox: number }>> {
    const { rows } = await drill.sql().query<{ key: string; id: string; events: number; outbox: number }>(
      `SELECT r.key, d.id,
              (SELECT count(*)::int FROM declaration_event e WHERE e.declaration_id = d.id) AS events,
              (SELECT count(*)::int FROM outbox_message o WHERE o.payload->>'declarationId' = d.id::text) AS outbox
         FROM idempotency_record r
         LEFT JOIN declaration d ON d.id = (r.response_body->>'id')::uuid
        WHERE r.key = ANY($1)`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r]));
  }

  it('answers 503 + Retry-After while it is down, writes nothing by halves, and recovers without a restart', async () => {
    const before = await Promise.all(Array.from({ length: 10 }, () => drill.submit()));
    expect(before.map((a) => a.status)).toEqual(Array(10).fill(202));

    // Requests in flight as the server goes down, then requests while it is down.
    const racing = Array.from({ length: 10 }, () => drill.submit());
    drill.postgres.stop(mode);
    await drill.closeSql();
    const during: Answer[] = [...(await Promise.all(racing))];
    for (let i = 0; i < 3; i += 1) {
      const batch = await Promise.all(Array.from({ length: 5 }, () => drill.submit()));
      during.push(...batch);
      // A read needs the database too.
      const read = await drill.call('GET', `/api/v1/declarations/${before[0].body.id}`, idempotencyKey());
      during.push(read);
    }
    // Every request got an answer (no hang) and none was a 500: a 202 that made it in time, or the coded 503.
    for (const answer of during) if (answer.status !== 202) expectUnavailable(answer);
    // Once the server was surely gone (after the racing ones), every answer is the coded 503.
    for (const answer of during.slice(10)) expectUnavailable(answer);

    await drill.postgres.start();

    // The same processes serve again once PostgreSQL is back.
    const recovered = await eventually(
      async () => {
        const answer = await drill.submit();
        return answer.status === 202 ? answer : undefined;
      },
      30_000,
      'the API to accept declarations again',
    );

    // Nothing half-written: a 202 has its declaration, its events and its outbox message; a refusal left nothing.
    const accepted = [...before, ...during.filter((a) => a.status === 202), recovered];
    const refused = during.filter((a) => a.status === 503 && a.body?.code === 'SERVICE.UNAVAILABLE' && a.key);
    const stored = await rowsFor([...accepted, ...refused].map((a) => a.key));
    for (const answer of accepted) {
      const row = stored.get(answer.key);
      expect({
        key: answer.key,
        id: row?.id,
        events: (row?.events ?? 0) >= 1,
        outbox: (row?.outbox ?? 0) >= 1,
      }).toEqual({
        key: answer.key,
        id: answer.body.id,
        events: true,
        outbox: true,
      });
    }
    for (const answer of refused)
      expect({ key: answer.key, stored: stored.get(answer.key) }).toEqual({ key: answer.key, stored: undefined });

    // A client retrying a refused request with its key is served now.
    const retried = await Promise.all(refused.slice(0, 5).map((a) => drill.submit(a.key)));
    expect(retried.map((a) => a.status)).toEqual(Array(retried.length).fill(202));

    // The worker, never restarted, screens every accepted declaration exactly once.
    const ids = [...accepted, ...retried].map((a) => a.body.id as string);
    const moves = await drill.screenedOnce(ids);
    expect([...moves.values()]).toEqual(Array(ids.length).fill('submitted,accepted'));
    expect(drill.api!.child.exitCode).toBeNull();
    expect(drill.worker!.child.exitCode).toBeNull();
  }, 180_000);
});
