import { getDeclaration, settled, submit } from './support/api.js';
import { declarationBody, idempotencyKey } from './support/factories.js';
import { startWithCompany, type TestApp, type TestCompany } from './support/test-app.js';
import { requestHash } from '../src/modules/declarations/idempotency.service.js';
import { JobName, screeningJobId } from '../src/modules/queue/queue-names.js';

describe('declarations: submit, screen, read', () => {
  let t: TestApp;
  let company: TestCompany;

  beforeAll(async () => ({ t, company } = await startWithCompany()));
  afterAll(() => t.close());

  /** Waits until `n` sessions of this database wait for a lock on outbox_message. */
  async function waitForLockWaiters(n: number): Promise<void> {
    for (let i = 0; i < 250; i += 1) {
      const row = await t.sql.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'outbox_message'::regclass`,
      );
      if (row!.n >= n) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`fewer than ${n} sessions came to wait for the lock`);
  }

  it('accepts a valid declaration with 202 and screens it to accepted', async () => {
    const body = declarationBody({ vehicle: { plate: '12c 987 65', nationality: 'VN' } });
    const res = await submit(t, company.apiKey, body);

    expect(res.statusCode).toBe(202);
    const answer = res.json();
    expect(answer).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^HN-\d{8}-\d{5}$/),
      status: 'submitted',
      plate: '12C98765',
      gate: 'HUU_NGHI',
      direction: 'export',
      expectedArrivalAt: new Date(body.expectedArrivalAt).toISOString(),
      createdAt: expect.any(String),
    });
    expect(res.headers.location).toBe(`/api/v1/declarations/${answer.id}`);

    const declaration = await settled(t, company.apiKey, answer.id);
    expect(declaration.status).toBe('accepted');
    expect(declaration.reasons).toEqual([]);
    expect(declaration.screening).toEqual({ state: 'done', error: null });
    expect(declaration.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'accepted']);
    expect(declaration.vehicle).toMatchObject({ plate: '12C98765', plateDisplay: '12C-987.65' });
  });

  it('queues its screening under the job id screeningJobId gives, the one the reconciler re-adds', async () => {
    const { id } = (await submit(t, company.apiKey, declarationBody())).json();
    const outbox = await t.sql.rows<{ job_name: string; job_id: string; payload: unknown }>(
      `SELECT job_name, job_id, payload FROM outbox_message WHERE payload->>'declarationId' = $1`,
      [id],
    );
    expect(outbox).toEqual([
      { job_name: JobName.ScreenDeclaration, job_id: screeningJobId(id, 1), payload: { declarationId: id } },
    ]);
  });

  it('numbers references per gate, with the gate and the day in them', async () => {
    const a = (await submit(t, company.apiKey, declarationBody({ gate: 'TAN_THANH' }))).json();
    const b = (await submit(t, company.apiKey, declarationBody({ gate: 'TAN_THANH' }))).json();
    expect(a.reference).toMatch(/^TT-\d{8}-\d{5}$/);
    expect(Number(b.reference.slice(-5))).toBe(Number(a.reference.slice(-5)) + 1);
  });

  describe('idempotency', () => {
    it('replays the stored answer for the same key and body, creating nothing new', async () => {
      const key = idempotencyKey();
      const body = declarationBody();
      const first = await submit(t, company.apiKey, body, key);
      const second = await submit(t, company.apiKey, { ...body }, key);

      expect(second.statusCode).toBe(202);
      expect(second.body).toBe(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      const rows = await t.sql.rows('SELECT id FROM declaration WHERE id = $1', [first.json().id]);
      expect(rows).toHaveLength(1);
      const count = await t.sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_record WHERE key = $1`, [
        key,
      ]);
      expect(count!.n).toBe(1);
    });

    it('treats the same body with keys in another order as the same request', async () => {
      const key = idempotencyKey();
      const body = declarationBody();
      const first = await submit(t, company.apiKey, body, key);
      const reordered = {
        cargo: body.cargo,
        driver: body.driver,
        vehicle: body.vehicle,
        expectedArrivalAt: body.expectedArrivalAt,
        direction: body.direction,
        gate: body.gate,
      };
      const second = await submit(t, company.apiKey, reordered, key);
      expect(second.statusCode).toBe(202);
      expect(second.json().id).toBe(first.json().id);
    });

    it('answers 422 when the same key comes with a different body', async () => {
      const key = idempotencyKey();
      const first = await submit(t, company.apiKey, declarationBody(), key);
      expect(first.statusCode).toBe(202);
      const before = await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration');

      const second = await submit(t, company.apiKey, declarationBody(), key);
      expect(second.statusCode).toBe(422);
      expect(second.json()).toMatchObject({
        statusCode: 422,
        code: 'IDEMPOTENCY.KEY_REUSED',
        requestId: expect.any(String),
      });
      const after = await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration');
      expect(after!.n).toBe(before!.n);
    });

    it('makes a second request with the same key wait for the first in flight, then replays its answer', async () => {
      const key = idempotencyKey();
      const body = declarationBody({ gate: 'TAN_THANH' });
      // Hold a table the submission statement writes, so the first request waits inside that statement before
      // it has changed anything (relation locks are taken before any row is touched).
      const blocker = t.sql.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`LOCK TABLE outbox_message IN EXCLUSIVE MODE`);
      try {
        const first = submit(t, company.apiKey, body, key);
        await waitForLockWaiters(1);
        const second = submit(t, company.apiKey, body, key);
        await waitForLockWaiters(2);
        const held = await t.sql.rows(`SELECT 1 FROM idempotency_record WHERE key = $1`, [key]);
        expect(held).toHaveLength(0); // nothing is claimed or written until the statement runs

        await blocker.commitTransaction();
        const [a, b] = await Promise.all([first, second]);
        expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
        expect(b.body).toBe(a.body);
        expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].sort()).toEqual([
          'true',
          undefined,
        ]);
        const rows = await t.sql.rows('SELECT 1 FROM declaration WHERE id = $1', [a.json().id]);
        expect(rows).toHaveLength(1);
      } finally {
        if (blocker.isTransactionActive) await blocker.rollbackTransaction();
        await blocker.release();
      }
    });

    it("answers 409 for a key still claimed by an earlier release's request in flight, and frees a stale claim", async () => {
      // Releases before claim and answer became one statement left 'in_flight' claims behind when they crashed.
      const body = declarationBody();
      const fresh = idempotencyKey();
      const stale = idempotencyKey();
      const hash = requestHash(body);
      await t.sql.rows(
        `INSERT INTO idempotency_record (company_id, key, request_hash, state, locked_at)
         VALUES ($1, $2, $4, 'in_flight', now()), ($1, $3, $4, 'in_flight', now() - interval '1 hour')`,
        [company.id, fresh, stale, hash],
      );

      const busy = await submit(t, company.apiKey, body, fresh);
      expect(busy.statusCode).toBe(409);
      expect(busy.json().code).toBe('IDEMPOTENCY.IN_FLIGHT');

      const taken = await submit(t, company.apiKey, body, stale);
      expect(taken.statusCode).toBe(202);
      const record = await t.sql.one<{ state: string; response_body: { id: string } }>(
        'SELECT state, response_body FROM idempotency_record WHERE company_id = $1 AND key = $2',
        [company.id, stale],
      );
      expect(record).toMatchObject({ state: 'completed', response_body: { id: taken.json().id } });
    });

    it('scopes keys per company', async () => {
      const other = await t.createCompany('Other Co');
      const key = idempotencyKey();
      const a = await submit(t, company.apiKey, declarationBody(), key);
      const b = await submit(t, other.apiKey, declarationBody(), key);
      expect(a.statusCode).toBe(202);
      expect(b.statusCode).toBe(202);
      expect(b.json().id).not.toBe(a.json().id);
    });

    it('lets many identical concurrent requests create exactly one declaration', async () => {
      const key = idempotencyKey();
      const body = declarationBody();
      const answers = await Promise.all(Array.from({ length: 10 }, () => submit(t, company.apiKey, body, key)));
      const ids = new Set(answers.filter((a) => a.statusCode === 202).map((a) => a.json().id));
      expect(ids.size).toBe(1);
      for (const a of answers) expect(a.statusCode).toBe(202); // the later ones wait for the first, then replay
      const rows = await t.sql.rows('SELECT 1 FROM declaration WHERE plate = $1', [await getPlate(body)]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('reading', () => {
    it("answers 404 for another company's declaration, as for a missing one", async () => {
      const mine = (await submit(t, company.apiKey, declarationBody())).json();
      const other = await t.createCompany('Nosy Co');

      const theirs = await getDeclaration(t, other.apiKey, mine.id);
      const missing = await getDeclaration(t, other.apiKey, '00000000-0000-4000-8000-000000000000');
      const garbage = await getDeclaration(t, other.apiKey, 'not-a-uuid');
      for (const res of [theirs, missing, garbage]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('DECLARATION.NOT_FOUND');
      }
      expect(theirs.body).not.toContain(mine.plate);
    });

    it('requires a valid, unrevoked API key', async () => {
      const none = await t.request({ method: 'GET', url: '/api/v1/declarations' });
      expect(none.statusCode).toBe(401);
      expect(none.json().code).toBe('AUTH.API_KEY_MISSING');
      const wrong = await t.request({
        method: 'GET',
        url: '/api/v1/declarations',
        headers: { authorization: 'Bearer bgk_nope' },
      });
      expect(wrong.json().code).toBe('AUTH.API_KEY_INVALID');

      const revoked = await t.createCompany('Revoked Co');
      await t.sql.rows('UPDATE api_key SET revoked_at = now() WHERE company_id = $1', [revoked.id]);
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/declarations',
        headers: { authorization: `Bearer ${revoked.apiKey}` },
      });
      expect(res.statusCode).toBe(401);
    });

    it('lists only the own company, filtered, newest first, paged by cursor', async () => {
      const lister = await t.createCompany('Lister Co');
      const submitted: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const body = declarationBody({ gate: i % 2 === 0 ? 'HUU_NGHI' : 'TAN_THANH', direction: 'import' });
        const res = await submit(t, lister.apiKey, body);
        expect(res.body).toContain('"status":"submitted"');
        submitted.push(res.json().id);
      }
      await submit(t, company.apiKey, declarationBody());
      const auth = { authorization: `Bearer ${lister.apiKey}` };

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = (
          await t.request({
            method: 'GET',
            url: `/api/v1/declarations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            headers: auth,
          })
        ).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((d: { id: string }) => d.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...submitted].reverse());

      const hn = (
        await t.request({ method: 'GET', url: '/api/v1/declarations?gate=HUU_NGHI&direction=import', headers: auth })
      ).json();
      expect(hn.items.map((d: { id: string }) => d.id)).toEqual([submitted[4], submitted[2], submitted[0]]);

      const one = (
        await t.request({ method: 'GET', url: `/api/v1/declarations/${submitted[1]}`, headers: auth })
      ).json();
      const byPlate = (
        await t.request({
          method: 'GET',
          url: `/api/v1/declarations?plate=${encodeURIComponent(one.vehicle.plateDisplay.toLowerCase())}`,
          headers: auth,
        })
      ).json();
      expect(byPlate.items.map((d: { id: string }) => d.id)).toEqual([submitted[1]]);

      const future = (
        await t.request({
          method: 'GET',
          url: `/api/v1/declarations?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
          headers: auth,
        })
      ).json();
      expect(future.items).toEqual([]);
    });
  });
});

async function getPlate(body: { vehicle: Record<string, unknown> }): Promise<string> {
  const { PlateNumber } = await import('../src/common/identifiers/plate-number.js');
  return PlateNumber.parse(body.vehicle.plate as string).value;
}
