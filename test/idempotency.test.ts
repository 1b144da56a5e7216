import { RetentionPurge } from '../src/modules/retention/retention-purge.service.js';
import { writeRequestHash } from '../src/modules/declarations/idempotent-request.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually, idempotencyKey, machines } from './support/factories.js';
import { gateCrew, officer, type AgencyName, type TestOfficer } from './support/officers.js';
import { startTestApp, type TestApp, type TestCompany, type TestResponse } from './support/test-app.js';

describe('Idempotency-Key on every write', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  let tanThanhSupervisor: TestOfficer;
  /** Officers who claimed a step of this suite's trucks and may still hold it. */
  const claimers: TestOfficer[] = [];

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    company = await t.createCompany('Idempotent Transport Co');
    crew = await gateCrew(t, 'HUU_NGHI');
    tanThanhSupervisor = await officer(t, 'supervisor', ['TAN_THANH']);
  });
  afterAll(async () => {
    // Other suites list the queues at Hữu Nghị: every truck of this suite leaves the yard (refused, then out).
    for (const agency of ['customs', 'quarantine', 'border_guard', 'yard'] as const) {
      for (;;) {
        const step = await asOfficer(crew[agency], `/api/v1/gates/HUU_NGHI/queues/${agency}/claim`);
        if (step.statusCode !== 200) break;
        await asOfficer(crew[agency], `/api/v1/steps/${step.json().id}/decision`, undefined, { decision: 'refuse' });
      }
    }
    const claimed = await t.sql.rows<{ id: string; claimed_by: string }>(
      `SELECT s.id, s.claimed_by FROM clearance_step s JOIN declaration d ON d.id = s.declaration_id
        WHERE d.company_id = $1 AND d.status = 'in_yard' AND s.status = 'claimed'`,
      [company.id],
    );
    for (const step of claimed) {
      const claimer = claimers.find((c) => c.id === step.claimed_by)!;
      await asOfficer(claimer, `/api/v1/steps/${step.id}/decision`, undefined, { decision: 'refuse' });
    }
    const refused = await t.sql.rows<{ plate: string }>(
      `SELECT plate FROM declaration WHERE company_id = $1 AND status = 'refused'`,
      [company.id],
    );
    for (const { plate } of refused)
      await asOfficer(crew.border_guard, '/api/v1/gates/HUU_NGHI/exits', undefined, { plate });
    // Other suites check vehicles in at Tân Thanh: leave it open whatever happened here.
    await t.sql.rows(
      `UPDATE gate SET closed_at = NULL, closed_reason = NULL, closed_by = NULL WHERE code = 'TAN_THANH'`,
    );
    await t.close();
  });

  const companyHeaders = (key?: string): Record<string, string> => ({
    authorization: `Bearer ${company.apiKey}`,
    ...(key === undefined ? {} : { 'idempotency-key': key }),
  });
  const officerHeaders = (who: TestOfficer, key?: string): Record<string, string> => ({
    ...who.headers,
    ...(key === undefined ? {} : { 'idempotency-key': key }),
  });
  const asCompany = (method: 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: unknown) =>
    t.request({ method, url, headers: companyHeaders(key), payload });
  const asOfficer = (who: TestOfficer, url: string, key?: string, payload: unknown = {}) =>
    t.request({ method: 'POST', url, headers: officerHeaders(who, key), payload });

  async function accepted(): Promise<any> {
    const res = await submit(t, company.apiKey, declarationBody({ cargo: machines }));
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  async function checkedIn(): Promise<any> {
    const d = await accepted();
    expect(
      (await asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', undefined, { plate: d.vehicle.plate }))
        .statusCode,
    ).toBe(201);
    return d;
  }

  /** Audit records of a declaration, by action and target status. */
  async function audit(declarationId: string, where: string): Promise<number> {
    const row = await t.sql.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM declaration_event WHERE declaration_id = $1 AND (${where})`,
      [declarationId],
    );
    return row!.n;
  }

  async function screeningJobs(declarationId: string): Promise<number> {
    const row = await t.sql.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_message WHERE queue = 'screening' AND job_id LIKE 'screen-' || $1 || '-%'`,
      [declarationId],
    );
    return row!.n;
  }

  async function companyKeys(): Promise<number> {
    const row = await t.sql.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM idempotency_record WHERE company_id = $1',
      [company.id],
    );
    return row!.n;
  }

  function expectReplayOf(replay: TestResponse, first: TestResponse): void {
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.statusCode).toBe(first.statusCode);
    expect(replay.body).toBe(first.body);
  }

  /** Claims from the customs queue until it reaches this declaration's step; the others are passed on. */
  async function claimFor(declarationId: string): Promise<any> {
    const queue = (
      await t.request({ method: 'GET', url: '/api/v1/gates/HUU_NGHI/queues/customs', headers: crew.customs.headers })
    ).json();
    const mine = queue.items.find((i: any) => i.declarationId === declarationId && i.status === 'waiting');
    expect(mine).toBeDefined();
    for (let i = 1; i <= mine.position; i += 1) {
      const step = (await asOfficer(crew.customs, '/api/v1/gates/HUU_NGHI/queues/customs/claim')).json();
      if (step.id === mine.stepId) return step;
      await asOfficer(crew.customs, `/api/v1/steps/${step.id}/decision`, undefined, { decision: 'pass' });
    }
    throw new Error('the step never came up');
  }

  describe('company writes', () => {
    it('PATCH: the same key twice screens once, audits once and replays the first answer', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      const change = { expectedArrivalAt: new Date(Date.now() + 5 * 3_600_000).toISOString() };
      const first = await asCompany('PATCH', `/api/v1/declarations/${d.id}`, key, change);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ id: d.id, status: 'submitted' });
      const replay = await asCompany('PATCH', `/api/v1/declarations/${d.id}`, key, change);

      expectReplayOf(replay, first);
      expect(await audit(d.id, `note = 'amended'`)).toBe(1);
      expect(await screeningJobs(d.id)).toBe(2); // the submission's and the amendment's, not a third
    });

    it('cancel: the same key twice cancels once; without a key the second cancel is refused as before', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      const first = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key);
      expect(first.statusCode).toBe(200);
      expect(first.json().status).toBe('cancelled');
      expectReplayOf(await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key), first);
      expect(await audit(d.id, `to_status = 'cancelled'`)).toBe(1);

      const before = await companyKeys();
      const again = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('DECLARATION.NOT_CANCELLABLE');
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      expect(await companyKeys()).toBe(before);
    });

    it('webhook create: the same key twice registers one webhook and replays its answer, secret included', async () => {
      const key = idempotencyKey();
      const body = { url: 'http://127.0.0.1:9/idempotent-hook', events: ['declaration.accepted'] };
      const first = await asCompany('POST', '/api/v1/webhooks', key, body);
      expect(first.statusCode).toBe(201);
      expect(first.json().secret).toEqual(expect.any(String));
      expectReplayOf(await asCompany('POST', '/api/v1/webhooks', key, body), first);
      const row = await t.sql.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook WHERE company_id = $1 AND url = $2`,
        [company.id, body.url],
      );
      expect(row!.n).toBe(1);

      // A write without a body (204) replays as one too.
      const deleteKey = idempotencyKey();
      const deleted = await asCompany('DELETE', `/api/v1/webhooks/${first.json().id}`, deleteKey);
      expect(deleted.statusCode).toBe(204);
      const deletedAgain = await asCompany('DELETE', `/api/v1/webhooks/${first.json().id}`, deleteKey);
      expectReplayOf(deletedAgain, deleted);
      expect((await asCompany('DELETE', `/api/v1/webhooks/${first.json().id}`)).statusCode).toBe(404);
    });

    it('the same key with another body, route or parameters is 422 and runs nothing', async () => {
      const d = await accepted();
      const other = await accepted();
      const key = idempotencyKey();
      const change = { expectedArrivalAt: new Date(Date.now() + 4 * 3_600_000).toISOString() };
      expect((await asCompany('PATCH', `/api/v1/declarations/${d.id}`, key, change)).statusCode).toBe(200);

      const anotherBody = await asCompany('PATCH', `/api/v1/declarations/${d.id}`, key, {
        expectedArrivalAt: new Date(Date.now() + 6 * 3_600_000).toISOString(),
      });
      expect(anotherBody.statusCode).toBe(422);
      expect(anotherBody.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
      const anotherDeclaration = await asCompany('PATCH', `/api/v1/declarations/${other.id}`, key, change);
      expect(anotherDeclaration.statusCode).toBe(422);
      const anotherRoute = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key);
      expect(anotherRoute.statusCode).toBe(422);
      // A submission's key is the same company's key: it cannot be used again for another write.
      const submitKey = idempotencyKey();
      expect((await submit(t, company.apiKey, declarationBody(), submitKey)).statusCode).toBe(202);
      expect((await asCompany('POST', `/api/v1/declarations/${other.id}/cancel`, submitKey)).statusCode).toBe(422);

      expect(await audit(d.id, `note = 'amended'`)).toBe(1);
      expect(await audit(d.id, `to_status = 'cancelled'`)).toBe(0);
      expect(await audit(other.id, `action <> 'transition' OR to_status NOT IN ('submitted', 'accepted')`)).toBe(0);
      expect(await screeningJobs(other.id)).toBe(1);
    });

    it('identical requests racing with one key: exactly one runs, the others wait their turn or replay', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key)),
      );
      const ran = answers.filter((a) => a.statusCode === 200 && a.headers['idempotent-replayed'] === undefined);
      expect(ran).toHaveLength(1);
      for (const a of answers.filter((x) => x !== ran[0])) {
        if (a.statusCode === 409) expect(a.json().code).toBe('IDEMPOTENCY.IN_FLIGHT');
        else expectReplayOf(a, ran[0]);
      }
      expect(await audit(d.id, `to_status = 'cancelled'`)).toBe(1);
    });

    it('a refusal is not kept: the same request with the same key runs again once it can succeed', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      // A cancellation the gate would refuse (the truck has arrived) is refused without holding the key.
      expect(
        (await asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', undefined, { plate: d.vehicle.plate }))
          .statusCode,
      ).toBe(201);
      const refused = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('DECLARATION.NOT_CANCELLABLE');
      expect(
        await t.sql.one('SELECT 1 FROM idempotency_record WHERE company_id = $1 AND key = $2', [company.id, key]),
      ).toBeNull();

      // Officer side: a truck at the barrier before its declaration exists is refused; declared, the same
      // check-in with the same key runs.
      const body = declarationBody({ cargo: machines });
      const checkInKey = idempotencyKey();
      const checkIn = () =>
        asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', checkInKey, { plate: body.vehicle.plate });
      const early = await checkIn();
      expect(early.statusCode).toBe(404);
      expect(early.json().code).toBe('CHECKIN.NO_DECLARATION');
      const res = await submit(t, company.apiKey, body);
      expect((await settled(t, company.apiKey, res.json().id)).status).toBe('accepted');
      const arrived = await checkIn();
      expect(arrived.statusCode).toBe(201);
      expect(arrived.headers['idempotent-replayed']).toBeUndefined();
      expectReplayOf(await checkIn(), arrived);
    });

    it('a malformed key is 400 and changes nothing', async () => {
      const d = await accepted();
      for (const key of ['', 'with space', 'x'.repeat(256)]) {
        const res = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('IDEMPOTENCY.KEY_INVALID');
      }
      expect(await audit(d.id, `to_status = 'cancelled'`)).toBe(0);
    });
  });

  describe('officer writes', () => {
    it('check-in, step decision and exit: the same key twice acts once and replays the first answer', async () => {
      const d = await accepted();
      const checkInKey = idempotencyKey();
      const checkIn = await asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', checkInKey, {
        plate: d.vehicle.plate,
      });
      expect(checkIn.statusCode).toBe(201);
      expectReplayOf(
        await asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', checkInKey, { plate: d.vehicle.plate }),
        checkIn,
      );
      expect(await audit(d.id, `to_status = 'in_yard'`)).toBe(1);
      const steps = await t.sql.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM clearance_step WHERE declaration_id = $1',
        [d.id],
      );
      expect(steps!.n).toBe(checkIn.json().steps.length);

      const step = await claimFor(d.id);
      const decisionKey = idempotencyKey();
      const refuse = { decision: 'refuse', note: 'papers do not match the load' };
      const decision = await asOfficer(crew.customs, `/api/v1/steps/${step.id}/decision`, decisionKey, refuse);
      expect(decision.statusCode).toBe(200);
      expect(decision.json().declarationStatus).toBe('refused');
      expectReplayOf(await asOfficer(crew.customs, `/api/v1/steps/${step.id}/decision`, decisionKey, refuse), decision);
      expect(await audit(d.id, `action = 'step.refused'`)).toBe(1);
      expect(await audit(d.id, `to_status = 'refused'`)).toBe(1);

      const exitKey = idempotencyKey();
      const exit = await asOfficer(crew.border_guard, '/api/v1/gates/HUU_NGHI/exits', exitKey, {
        plate: d.vehicle.plate,
      });
      expect(exit.statusCode).toBe(200);
      expect(exit.json()).toMatchObject({ status: 'exited', destination: 'VN_INLAND' });
      expectReplayOf(
        await asOfficer(crew.border_guard, '/api/v1/gates/HUU_NGHI/exits', exitKey, { plate: d.vehicle.plate }),
        exit,
      );
      expect(await audit(d.id, `to_status = 'exited'`)).toBe(1);
    });

    it('claim: the same key twice takes one step and replays it', async () => {
      await checkedIn();
      const claimer = await officer(t, 'customs', ['HUU_NGHI']);
      claimers.push(claimer);
      const key = idempotencyKey();
      const first = await asOfficer(claimer, '/api/v1/gates/HUU_NGHI/queues/customs/claim', key);
      expect(first.statusCode).toBe(200);
      expectReplayOf(await asOfficer(claimer, '/api/v1/gates/HUU_NGHI/queues/customs/claim', key), first);
      const claimed = await t.sql.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM clearance_step WHERE claimed_by = $1 AND status = 'claimed'`,
        [claimer.id],
      );
      expect(claimed!.n).toBe(1);
    });

    it('keys are per officer: two officers using the same key both run', async () => {
      const [a, b] = [await accepted(), await accepted()];
      const otherYard = await officer(t, 'yard', ['HUU_NGHI']);
      const key = idempotencyKey();
      const first = await asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', key, { plate: a.vehicle.plate });
      const second = await asOfficer(otherYard, '/api/v1/gates/HUU_NGHI/check-ins', key, { plate: b.vehicle.plate });
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      expect(second.json().declarationId).toBe(b.id);
      expect(await audit(b.id, `to_status = 'in_yard'`)).toBe(1);
      // A company's keys and an officer's are apart too.
      expect((await asCompany('POST', `/api/v1/declarations/${(await accepted()).id}/cancel`, key)).statusCode).toBe(
        200,
      );
    });

    it('identical check-ins racing with one key: one arrival', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          asOfficer(crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', key, { plate: d.vehicle.plate }),
        ),
      );
      expect(answers.filter((a) => a.statusCode === 201 && !a.headers['idempotent-replayed'])).toHaveLength(1);
      expect(answers.every((a) => a.statusCode === 201 || a.json().code === 'IDEMPOTENCY.IN_FLIGHT')).toBe(true);
      expect(await audit(d.id, `to_status = 'in_yard'`)).toBe(1);
    });

    it('gate close and reopen: the same key twice closes once and replays', async () => {
      const key = idempotencyKey();
      const reason = { reason: 'Bridge inspection' };
      const closed = await asOfficer(tanThanhSupervisor, '/api/v1/gates/TAN_THANH/close', key, reason);
      expect(closed.statusCode).toBe(200);
      expect(closed.json().open).toBe(false);
      expectReplayOf(await asOfficer(tanThanhSupervisor, '/api/v1/gates/TAN_THANH/close', key, reason), closed);
      const again = await asOfficer(tanThanhSupervisor, '/api/v1/gates/TAN_THANH/close', undefined, reason);
      expect(again.json().code).toBe('GATE.ALREADY_CLOSED');

      const reopenKey = idempotencyKey();
      const opened = await asOfficer(tanThanhSupervisor, '/api/v1/gates/TAN_THANH/open', reopenKey);
      expect(opened.statusCode).toBe(200);
      expectReplayOf(await asOfficer(tanThanhSupervisor, '/api/v1/gates/TAN_THANH/open', reopenKey), opened);
      expect(
        (await t.sql.one<{ closed_at: Date | null }>(`SELECT closed_at FROM gate WHERE code = 'TAN_THANH'`))!.closed_at,
      ).toBeNull();
    });
  });

  describe('claims left behind', () => {
    const cancelHash = (id: string) =>
      writeRequestHash({
        method: 'POST',
        route: '/api/v1/declarations/:id/cancel',
        params: { id },
        body: undefined,
      });

    async function leaveClaim(key: string, hash: string, state: 'in_flight' | 'applied', age: string): Promise<void> {
      await t.sql.rows(
        `INSERT INTO idempotency_record (company_id, key, request_hash, state, locked_at)
         VALUES ($1, $2, $3, $4, now() - $5::interval)`,
        [company.id, key, hash, state, age],
      );
    }

    it('a fresh claim answers 409 IN_FLIGHT; an abandoned one is taken over and the request runs', async () => {
      const d = await accepted();
      const [fresh, abandoned] = [idempotencyKey(), idempotencyKey()];
      await leaveClaim(fresh, cancelHash(d.id), 'in_flight', '1 second');
      await leaveClaim(abandoned, cancelHash(d.id), 'in_flight', '1 hour');

      const busy = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, fresh);
      expect(busy.statusCode).toBe(409);
      expect(busy.json().code).toBe('IDEMPOTENCY.IN_FLIGHT');
      const ran = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, abandoned);
      expect(ran.statusCode).toBe(200);
      expect(ran.headers['idempotent-replayed']).toBeUndefined();
      expectReplayOf(await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, abandoned), ran);
      expect(await audit(d.id, `to_status = 'cancelled'`)).toBe(1);
    });

    it('a holder whose claim was taken over cannot commit its effect: one amendment, not two', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      const change = { expectedArrivalAt: new Date(Date.now() + 7 * 3_600_000).toISOString() };
      const patch = () => asCompany('PATCH', `/api/v1/declarations/${d.id}`, key, change);
      const waiting = async (n: number) =>
        (await t.sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`))!.n >= n
          ? true
          : undefined;
      // The test holds the declaration's row, so the first request stops inside its transaction, claim held.
      const blocker = t.sql.dataSource.createQueryRunner();
      await blocker.startTransaction();
      try {
        await blocker.query('SELECT 1 FROM declaration WHERE id = $1 FOR UPDATE', [d.id]);
        const first = patch();
        await eventually(() => waiting(1), 10_000, 'the first request to wait for the row');
        // As if the in-flight timeout had passed: the same request again takes the claim over.
        await t.sql.rows(
          `UPDATE idempotency_record SET locked_at = now() - interval '1 hour' WHERE company_id = $1 AND key = $2`,
          [company.id, key],
        );
        const second = patch();
        await eventually(() => waiting(2), 10_000, 'the second request to wait for the row');
        await blocker.rollbackTransaction();
        const answers = await Promise.all([first, second]);
        expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
        expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('IDEMPOTENCY.IN_FLIGHT');
      } finally {
        if (blocker.isTransactionActive) await blocker.rollbackTransaction();
        await blocker.release();
      }
      expect(await audit(d.id, `note = 'amended'`)).toBe(1);
      expect(await screeningJobs(d.id)).toBe(2);
    });

    it('a claim whose effect committed is never run again, even once stale', async () => {
      const d = await accepted();
      const key = idempotencyKey();
      await leaveClaim(key, cancelHash(d.id), 'applied', '1 hour');
      const res = await asCompany('POST', `/api/v1/declarations/${d.id}/cancel`, key);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('IDEMPOTENCY.ANSWER_LOST');
      expect(await audit(d.id, `to_status = 'cancelled'`)).toBe(0);
    });

    it("officers' keys expire with the companies' (daily retention purge)", async () => {
      await t.sql.rows(
        `INSERT INTO officer_idempotency_record (officer_id, key, request_hash, state, created_at)
         VALUES ($1, 'old', 'h', 'completed', now() - interval '31 days'), ($1, 'recent', 'h', 'completed', now())`,
        [crew.supervisor.id],
      );
      await t.app.get(RetentionPurge).purge();
      const left = await t.sql.rows<{ key: string }>(
        'SELECT key FROM officer_idempotency_record WHERE officer_id = $1 ORDER BY key',
        [crew.supervisor.id],
      );
      expect(left.map((r) => r.key)).toEqual(['recent']);
    });
  });

  it('OpenAPI documents the optional key and the replay header on every idempotent write', async () => {
    const spec = (await t.request({ method: 'GET', url: '/api/docs-json' })).json();
    const writes: [string, string, string[]][] = [
      ['patch', '/api/v1/declarations/{id}', ['200', '202']],
      ['post', '/api/v1/declarations/{id}/cancel', ['200']],
      ['post', '/api/v1/webhooks', ['201']],
      ['delete', '/api/v1/webhooks/{id}', ['204']],
      ['post', '/api/v1/webhooks/{id}/enable', ['200']],
      ['post', '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', ['202']],
      ['post', '/api/v1/gates/{gate}/check-ins', ['201']],
      ['post', '/api/v1/gates/{gate}/queues/{agency}/claim', ['200', '204']],
      ['post', '/api/v1/steps/{id}/decision', ['200']],
      ['post', '/api/v1/gates/{gate}/exits', ['200']],
      ['post', '/api/v1/amendment-requests/{id}/decision', ['200']],
      ['post', '/api/v1/gates/{gate}/close', ['200']],
      ['post', '/api/v1/gates/{gate}/open', ['200']],
    ];
    for (const [method, path, statuses] of writes) {
      const operation = spec.paths[path][method];
      const header = operation.parameters.find((p: any) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect({ path, required: header?.required }).toEqual({ path, required: false });
      for (const status of statuses) {
        const response = operation.responses[status];
        expect({ path, status, replay: Object.keys(response.headers ?? {}) }).toEqual({
          path,
          status,
          replay: ['Idempotent-Replayed'],
        });
        if (status !== '204')
          expect({ path, status, content: Object.keys(response.content ?? {}) }).toEqual({
            path,
            status,
            content: ['application/json'],
          });
      }
      expect(operation.responses['422']).toBeDefined();
    }
    const submission = spec.paths['/api/v1/declarations'].post.parameters.find(
      (p: any) => p.name === 'Idempotency-Key',
    );
    expect(submission.required).toBe(true);
    const login = spec.paths['/api/v1/auth/login'].post.parameters ?? [];
    expect(login.find((p: any) => p.name === 'Idempotency-Key')).toBeUndefined();
  });
});
