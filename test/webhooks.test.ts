import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { DomainEvent } from '../src/modules/events/domain-event.js';
import { WebhookDeliveryProcessor } from '../src/modules/webhooks/webhook-delivery.processor.js';
import { WebhookFanout } from '../src/modules/webhooks/webhook-fanout.service.js';
import { WebhookReconciler } from '../src/modules/webhooks/webhook-reconciler.service.js';
import { QueueName } from '../src/modules/queue/queue-names.js';
import { QueueRegistry } from '../src/modules/queue/queue-registry.service.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebhookReceiver as Receiver } from './support/webhook-receiver.js';

type Verify = (secret: string, header: string, rawBody: string, toleranceSeconds?: number) => boolean;

/** The verification snippet exactly as docs/webhooks.md gives it to companies. */
function documentedVerify(): Verify {
  const doc = readFileSync('docs/webhooks.md', 'utf8');
  const block = /## Verifying the signature[\s\S]*?```js\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/webhooks.md has no verification snippet');
  const code = block[1].replace(/^import .*$/m, '');
  return runInNewContext(`${code}\nverify;`, { createHmac, timingSafeEqual, Buffer }) as Verify;
}

let pathSeq = 0;
const freshPath = (name: string): string => `/hooks/${name}-${++pathSeq}`;

describe('webhooks', () => {
  let t: TestApp;
  let receiver: Receiver;
  let company: { id: string; apiKey: string };
  const verify = documentedVerify();

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    t = await startTestApp({
      // These tests hand events to the fan-out themselves, to count what it creates; the end-to-end block
      // at the bottom runs the real dispatcher.
      EVENTS_DISPATCHER_ENABLED: 'false',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_TIMEOUT_MS: '1000',
    });
    company = await t.createCompany('Webhook Transport Co');
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const auth = (apiKey: string): Record<string, string> => ({ authorization: `Bearer ${apiKey}` });

  function register(apiKey: string, body: unknown, app: TestApp = t) {
    return app.request({ method: 'POST', url: '/api/v1/webhooks', headers: auth(apiKey), payload: body });
  }

  async function registered(apiKey: string, path: string, events = ['declaration.accepted']) {
    const res = await register(apiKey, { url: receiver.url(path), events });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; secret: string; url: string; events: string[]; status: string };
  }

  async function listWebhooks(apiKey: string): Promise<any[]> {
    const res = await t.request({ method: 'GET', url: '/api/v1/webhooks', headers: auth(apiKey) });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  }

  async function deliveries(apiKey: string, webhookId: string): Promise<any[]> {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/webhooks/${webhookId}/deliveries`,
      headers: auth(apiKey),
    });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  }

  function redeliver(apiKey: string, webhookId: string, deliveryId: string) {
    return t.request({
      method: 'POST',
      url: `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`,
      headers: auth(apiKey),
    });
  }

  /** Waits until the delivery of this event to this webhook satisfies `done`, and returns it. */
  function deliveryOf(apiKey: string, webhookId: string, seq: number, done: (d: any) => boolean): Promise<any> {
    return eventually(
      async () => (await deliveries(apiKey, webhookId)).find((d) => d.eventSeq === seq && done(d)),
      10_000,
      `delivery of event ${seq} to webhook ${webhookId}`,
    );
  }

  /** A real declaration, screened and accepted, and the domain event of its acceptance from the audit log. */
  async function acceptedEvent(owner: { apiKey: string }): Promise<DomainEvent> {
    const res = await submit(t, owner.apiKey, declarationBody());
    expect(res.statusCode).toBe(202);
    const declaration = await settled(t, owner.apiKey, res.json().id);
    expect(declaration.status).toBe('accepted');
    // The record gets its seq when the worker's sealer chains it, a poll interval after commit.
    const row = await eventually(() =>
      t.sql
        .one<any>(
          `SELECT e.seq, e.at, d.id, d.company_id, d.reference, d.plate, d.gate_code, d.direction
           FROM declaration_event e JOIN declaration d ON d.id = e.declaration_id
          WHERE d.id = $1 AND e.to_status = 'accepted' AND e.seq IS NOT NULL`,
          [declaration.id],
        )
        .then((found) => found ?? undefined),
    );
    return {
      seq: Number(row.seq),
      type: 'declaration.accepted',
      occurredAt: row.at.toISOString(),
      declarationId: row.id,
      companyId: row.company_id,
      reference: row.reference,
      plate: row.plate,
      gate: row.gate_code,
      direction: row.direction,
      status: 'accepted',
      step: null,
    };
  }

  function fanOut(events: DomainEvent[]): Promise<number> {
    return t.sql.dataSource.transaction((manager) => t.app.get(WebhookFanout).createDeliveries(manager, events));
  }

  describe('registration', () => {
    it('refuses bad events and URLs, naming the field', async () => {
      const url = receiver.url('/hooks/unused');
      const cases: [unknown, string][] = [
        [{ url, events: ['declaration.teleported'] }, 'events'],
        [{ url, events: [] }, 'events'],
        [{ url, events: ['declaration.accepted', 'declaration.accepted'] }, 'events'],
        [{ url, events: 'declaration.accepted' }, 'events'],
        [{ url }, 'events'],
        [{ url: 'not a url', events: ['declaration.accepted'] }, 'url'],
        [{ url: 'ftp://hooks.example.com/x', events: ['declaration.accepted'] }, 'url'],
        [{ url: 'https://user:pw@hooks.example.com/x', events: ['declaration.accepted'] }, 'url'],
        [{ url: `https://hooks.example.com/${'a'.repeat(2048)}`, events: ['declaration.accepted'] }, 'url'],
        [{ url: 42, events: ['declaration.accepted'] }, 'url'],
        [{ url, events: ['declaration.accepted'], secret: 'whsec_mine' }, 'secret'],
      ];
      for (const [body, field] of cases) {
        const res = await register(company.apiKey, body);
        expect({ body, status: res.statusCode, code: res.json().code }).toEqual({
          body,
          status: 400,
          code: 'REQUEST.VALIDATION_FAILED',
        });
        expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const anonymous = await t.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url, events: ['declaration.accepted'] },
      });
      expect(anonymous.statusCode).toBe(401);
    });

    it('refuses plain http, localhost and non-public addresses unless private targets are allowed', async () => {
      const strict = await startTestApp({ APP_ROLE: 'api' });
      try {
        const owner = await strict.createCompany('Strict Co');
        for (const url of [
          'http://127.0.0.1:8080/hook',
          'http://hooks.example.com/hook',
          'https://10.0.0.5/hook',
          'https://[::1]/hook',
          'https://localhost/hook',
          'https://[::ffff:127.0.0.1]/hook',
          'https://169.254.169.254/latest/meta-data',
          'https://100.64.0.7/hook',
          'https://0.0.0.0/hook',
          'https://2130706433/hook',
        ]) {
          const res = await register(owner.apiKey, { url, events: ['declaration.accepted'] }, strict);
          expect({ url, status: res.statusCode, fields: res.json().details?.map((d: any) => d.field) }).toEqual({
            url,
            status: 400,
            fields: ['url'],
          });
        }
        const ok = await register(
          owner.apiKey,
          { url: 'https://Hooks.Example.com/border-gate', events: ['declaration.accepted'] },
          strict,
        );
        expect(ok.statusCode).toBe(201);
        expect(ok.json().url).toBe('https://hooks.example.com/border-gate');
      } finally {
        await strict.close();
      }
    });

    it('shows the secret only in the answer to registration, and stores it encrypted', async () => {
      const created = await registered(company.apiKey, freshPath('secret'), [
        'declaration.accepted',
        'declaration.exited',
      ]);
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/secret-\d+$/),
        events: ['declaration.accepted', 'declaration.exited'],
        status: 'active',
        disabledReason: null,
        disabledAt: null,
        createdAt: expect.any(String),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      });

      const listRes = await t.request({ method: 'GET', url: '/api/v1/webhooks', headers: auth(company.apiKey) });
      expect(listRes.body).not.toContain(created.secret);
      expect(listRes.body).not.toContain('whsec_');
      const listed = listRes.json().items.find((w: { id: string }) => w.id === created.id);
      expect(listed).toEqual({ ...created, secret: undefined });
      expect(Object.keys(listed)).not.toContain('secret');

      const stored = await t.sql.one<{ secret_encrypted: string }>(
        'SELECT secret_encrypted FROM webhook WHERE id = $1',
        [created.id],
      );
      expect(stored!.secret_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(stored!.secret_encrypted).not.toContain(created.secret.slice(6));
    });

    it("answers 404 for another company's webhook, whatever the action", async () => {
      const created = await registered(company.apiKey, freshPath('private'));
      const other = await t.createCompany('Other Transport Co');
      const base = `/api/v1/webhooks/${created.id}`;
      const attempts = [
        { method: 'DELETE' as const, url: base },
        { method: 'GET' as const, url: `${base}/deliveries` },
        { method: 'POST' as const, url: `${base}/enable` },
        { method: 'POST' as const, url: `${base}/deliveries/${created.id}/redeliver` },
        { method: 'GET' as const, url: '/api/v1/webhooks/not-a-uuid/deliveries' },
      ];
      for (const attempt of attempts) {
        const res = await t.request({ ...attempt, headers: auth(other.apiKey) });
        expect({ ...attempt, status: res.statusCode, code: res.json().code }).toEqual({
          ...attempt,
          status: 404,
          code: 'WEBHOOK.NOT_FOUND',
        });
      }
      expect(await listWebhooks(other.apiKey)).toEqual([]);
      expect((await listWebhooks(company.apiKey)).map((w) => w.id)).toContain(created.id);
    });

    it('deletes a webhook: 204, then it is gone', async () => {
      const created = await registered(company.apiKey, freshPath('delete'));
      const del = () =>
        t.request({ method: 'DELETE', url: `/api/v1/webhooks/${created.id}`, headers: auth(company.apiKey) });
      const first = await del();
      expect(first.statusCode).toBe(204);
      expect(first.body).toBe('');
      expect((await listWebhooks(company.apiKey)).map((w) => w.id)).not.toContain(created.id);
      expect((await del()).statusCode).toBe(404);
      const history = await t.request({
        method: 'GET',
        url: `/api/v1/webhooks/${created.id}/deliveries`,
        headers: auth(company.apiKey),
      });
      expect(history.statusCode).toBe(404);
    });

    it('allows at most 10 active webhooks per company', async () => {
      const owner = await t.createCompany('Busy Co');
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) ids.push((await registered(owner.apiKey, freshPath('limit'))).id);
      const eleventh = await register(owner.apiKey, { url: receiver.url('/x'), events: ['declaration.accepted'] });
      expect(eleventh.statusCode).toBe(409);
      expect(eleventh.json().code).toBe('WEBHOOK.LIMIT_REACHED');
      const del = await t.request({ method: 'DELETE', url: `/api/v1/webhooks/${ids[0]}`, headers: auth(owner.apiKey) });
      expect(del.statusCode).toBe(204);
      expect(
        (await register(owner.apiKey, { url: receiver.url('/y'), events: ['declaration.rejected'] })).statusCode,
      ).toBe(201);
    });

    it('validates the deliveries limit', async () => {
      const created = await registered(company.apiKey, freshPath('limit-query'));
      for (const limit of ['0', '201', 'abc']) {
        const res = await t.request({
          method: 'GET',
          url: `/api/v1/webhooks/${created.id}/deliveries?limit=${limit}`,
          headers: auth(company.apiKey),
        });
        expect({ limit, status: res.statusCode }).toEqual({ limit, status: 400 });
      }
    });
  });

  describe('delivery', () => {
    it('POSTs the event with the documented headers and body, signed so the documented snippet verifies it', async () => {
      const owner = await t.createCompany();
      const event = await acceptedEvent(owner);
      const path = freshPath('signed');
      const hook = await registered(owner.apiKey, path, ['declaration.accepted', 'declaration.rejected']);

      expect(await fanOut([{ ...event, type: 'declaration.submitted' }])).toBe(0);
      expect(await fanOut([{ ...event, type: 'declaration.exited' }])).toBe(0); // not subscribed
      expect(await fanOut([event])).toBe(1);

      const delivery = await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      const [request] = receiver.at(path);
      expect(receiver.at(path)).toHaveLength(1);
      expect(request.headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': 'border-gate-webhooks/1',
        'x-bordergate-event': 'declaration.accepted',
        'x-bordergate-delivery': delivery.id,
        'x-bordergate-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
      });
      const signature = request.headers['x-bordergate-signature'] as string;
      expect(verify(hook.secret, signature, request.body)).toBe(true);
      expect(verify(hook.secret, signature, request.body.replace('accepted', 'rejected'))).toBe(false);
      expect(verify(`${hook.secret}x`, signature, request.body)).toBe(false);
      const t0 = Number(/^t=(\d+)/.exec(signature)![1]);
      expect(Math.abs(t0 - Date.now() / 1000)).toBeLessThan(60);
      const expectedHmac = createHmac('sha256', hook.secret).update(`${t0}.${request.body}`).digest('hex');
      expect(signature).toBe(`t=${t0},v1=${expectedHmac}`);

      expect(request.body.startsWith(`{"id":"${delivery.id}","type":"declaration.accepted","occurredAt":`)).toBe(true);
      expect(JSON.parse(request.body)).toEqual({
        id: delivery.id,
        type: 'declaration.accepted',
        occurredAt: event.occurredAt,
        data: {
          declarationId: event.declarationId,
          reference: event.reference,
          plate: event.plate,
          gate: event.gate,
          direction: event.direction,
          status: 'accepted',
          step: null,
        },
      });

      expect(delivery).toEqual({
        id: delivery.id,
        eventType: 'declaration.accepted',
        eventSeq: event.seq,
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        deliveredAt: expect.any(String),
        createdAt: expect.any(String),
        attemptHistory: [
          { attempt: 1, attemptedAt: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) },
        ],
      });
      const outbox = await t.sql.one<{ payload: unknown }>('SELECT payload FROM outbox_message WHERE job_id = $1', [
        `webhook-${delivery.id}`,
      ]);
      expect(outbox!.payload).toEqual({ deliveryId: delivery.id });
    });

    it('sends only agency and status of a step', async () => {
      const owner = await t.createCompany();
      const event = await acceptedEvent(owner);
      const path = freshPath('step');
      const hook = await registered(owner.apiKey, path, ['declaration.step_passed']);
      const stepEvent: DomainEvent = {
        ...event,
        type: 'declaration.step_passed',
        status: 'in_yard',
        step: { id: '00000000-0000-4000-8000-000000000001', agency: 'customs', status: 'passed' },
      };
      expect(await fanOut([stepEvent])).toBe(1);
      await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      const body = JSON.parse(receiver.at(path)[0].body);
      expect(body.type).toBe('declaration.step_passed');
      expect(body.data.status).toBe('in_yard');
      expect(body.data.step).toEqual({ agency: 'customs', status: 'passed' });
    });

    it('retries failed attempts with backoff: 500, 500, then 200 is delivered on attempt 3', async () => {
      const owner = await t.createCompany();
      const event = await acceptedEvent(owner);
      const path = freshPath('flaky');
      receiver.plan(path, [500, 500]);
      const hook = await registered(owner.apiKey, path);
      expect(await fanOut([event])).toBe(1);

      const delivery = await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      expect(delivery.attempts).toBe(3);
      expect(delivery.lastStatusCode).toBe(200);
      expect(delivery.lastError).toBeNull();
      expect(delivery.attemptHistory.map((a: any) => [a.attempt, a.statusCode, a.error])).toEqual([
        [1, 500, null],
        [2, 500, null],
        [3, 200, null],
      ]);
      const times = delivery.attemptHistory.map((a: any) => Date.parse(a.attemptedAt));
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(45); // WEBHOOK_BACKOFF_MS = 50, then doubling
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(95);

      const requests = receiver.at(path);
      expect(requests).toHaveLength(3);
      expect(new Set(requests.map((r) => r.body)).size).toBe(1);
      for (const r of requests) {
        expect(r.headers['x-bordergate-delivery']).toBe(delivery.id);
        expect(verify(hook.secret, r.headers['x-bordergate-signature'] as string, r.body)).toBe(true);
      }
    });

    it('counts a redirect and a timeout as failed attempts, with the reason recorded', async () => {
      const owner = await t.createCompany();
      const event = await acceptedEvent(owner);
      const path = freshPath('odd');
      receiver.plan(path, [302, 'hang']);
      const hook = await registered(owner.apiKey, path);
      expect(await fanOut([event])).toBe(1);

      const delivery = await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      expect(delivery.attemptHistory.map((a: any) => [a.attempt, a.statusCode, a.error])).toEqual([
        [1, 302, 'redirect not followed'],
        [2, null, 'timed out after 1000 ms'],
        [3, 200, null],
      ]);
      expect(delivery.attemptHistory[1].durationMs).toBeGreaterThanOrEqual(950);
      expect(receiver.requests.filter((r) => r.path === '/elsewhere')).toHaveLength(0);
    });

    it('fails a delivery after its last attempt, disables the webhook with the reason, and redelivers once re-enabled', async () => {
      const owner = await t.createCompany();
      const event = await acceptedEvent(owner);
      const path = freshPath('down');
      receiver.answerAlways(path, 500);
      const hook = await registered(owner.apiKey, path);
      expect(await fanOut([event])).toBe(1);

      const failed = await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'failed');
      expect(failed.attempts).toBe(4);
      expect(failed.attemptHistory.map((a: any) => a.statusCode)).toEqual([500, 500, 500, 500]);
      expect(failed.lastStatusCode).toBe(500);
      expect(failed.deliveredAt).toBeNull();
      expect(receiver.at(path)).toHaveLength(4);

      const disabled = (await listWebhooks(owner.apiKey)).find((w) => w.id === hook.id);
      expect(disabled).toMatchObject({
        status: 'disabled',
        disabledReason: `delivery ${failed.id} failed 4 times; last: HTTP 500`,
        disabledAt: expect.any(String),
      });

      // Disabled: new events create nothing, and nothing can be redelivered.
      const later = await acceptedEvent(owner);
      expect(await fanOut([later])).toBe(0);
      const none = await t.sql.one<{ n: number }>(
        'SELECT count(*)::int AS n FROM webhook_delivery WHERE webhook_id = $1 AND event_seq = $2',
        [hook.id, later.seq],
      );
      expect(none!.n).toBe(0);
      const refused = await redeliver(owner.apiKey, hook.id, failed.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('WEBHOOK.NOT_ACTIVE');

      const enabled = await t.request({
        method: 'POST',
        url: `/api/v1/webhooks/${hook.id}/enable`,
        headers: auth(owner.apiKey),
      });
      expect(enabled.statusCode).toBe(200);
      expect(enabled.json()).toMatchObject({ id: hook.id, status: 'active', disabledReason: null, disabledAt: null });

      receiver.answerAlways(path, 200);
      const again = await redeliver(owner.apiKey, hook.id, failed.id);
      expect(again.statusCode).toBe(202);
      expect(again.json()).toMatchObject({ id: failed.id, status: 'pending', attempts: 4 });
      const redelivered = await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      expect(redelivered.attempts).toBe(5);
      expect(redelivered.attemptHistory.map((a: any) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 500],
        [3, 500],
        [4, 500],
        [1, 200],
      ]);
      expect(receiver.at(path)).toHaveLength(5);
      const last = receiver.at(path)[4];
      expect(last.body).toBe(receiver.at(path)[0].body);
      expect(verify(hook.secret, last.headers['x-bordergate-signature'] as string, last.body)).toBe(true);

      // A delivered one can be sent again too (a new job each time).
      expect((await redeliver(owner.apiKey, hook.id, failed.id)).statusCode).toBe(202);
      await eventually(
        () => Promise.resolve(receiver.at(path).length === 6 ? true : undefined),
        10_000,
        'second redelivery',
      );

      // Active again: new events are delivered.
      const afterwards = await acceptedEvent(owner);
      expect(await fanOut([afterwards])).toBe(1);
      await deliveryOf(owner.apiKey, hook.id, afterwards.seq, (d) => d.status === 'delivered');
    });

    it('creates one delivery per webhook and event however often the event is handed over', async () => {
      const owner = await t.createCompany();
      const [first, second] = [await acceptedEvent(owner), await acceptedEvent(owner)];
      const pathA = freshPath('once-a');
      const pathB = freshPath('once-b');
      const hookA = await registered(owner.apiKey, pathA);
      const hookB = await registered(owner.apiKey, pathB, ['declaration.accepted', 'declaration.cleared']);

      expect(await fanOut([first, second])).toBe(4);
      expect(await fanOut([first, second])).toBe(0);
      expect(await fanOut([first, first])).toBe(0);
      expect(
        await t.sql.dataSource.transaction(async (manager) => {
          const fanout = t.app.get(WebhookFanout);
          return (
            (await fanout.createDeliveries(manager, [second])) + (await fanout.createDeliveries(manager, [second]))
          );
        }),
      ).toBe(0);

      for (const hook of [hookA, hookB]) {
        for (const event of [first, second])
          await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      }
      const rows = await t.sql.rows<{ id: string }>(
        'SELECT id FROM webhook_delivery WHERE webhook_id = ANY($1::uuid[])',
        [[hookA.id, hookB.id]],
      );
      expect(rows).toHaveLength(4);
      const jobs = await t.sql.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message WHERE job_id = ANY($1::text[])`,
        [rows.map((r) => `webhook-${r.id}`)],
      );
      expect(jobs!.n).toBe(4);
      for (const path of [pathA, pathB]) {
        const bodies = receiver.at(path).map((r) => JSON.parse(r.body).data.declarationId);
        expect(bodies.sort()).toEqual([first.declarationId, second.declarationId].sort());
      }
    });

    it("never sends a company another company's events", async () => {
      const owner = await t.createCompany();
      const other = await t.createCompany('Rival Transport Co');
      const ownPath = freshPath('own');
      const rivalPath = freshPath('rival');
      const own = await registered(owner.apiKey, ownPath);
      const rival = await registered(other.apiKey, rivalPath);
      const event = await acceptedEvent(owner);

      expect(await fanOut([event])).toBe(1);
      // An event that claims the declaration belongs to the other company goes nowhere.
      expect(await fanOut([{ ...event, companyId: other.id }])).toBe(0);

      await deliveryOf(owner.apiKey, own.id, event.seq, (d) => d.status === 'delivered');
      expect(receiver.at(ownPath)).toHaveLength(1);
      expect(receiver.at(rivalPath)).toHaveLength(0);
      expect(await deliveries(other.apiKey, rival.id)).toEqual([]);
      expect(JSON.stringify(receiver.requests.filter((r) => r.path !== ownPath))).not.toContain(event.declarationId);
    });

    it('does not send pending deliveries of a webhook that was deleted, and does not redeliver a pending one', async () => {
      const owner = await t.createCompany();
      const worker = t.app.get(WebhookDeliveryProcessor).worker;
      const event = await acceptedEvent(owner);
      const path = freshPath('deleted');
      const hook = await registered(owner.apiKey, path);
      await worker.pause();
      try {
        expect(await fanOut([event])).toBe(1);
        const [pending] = await deliveries(owner.apiKey, hook.id);
        expect(pending.status).toBe('pending');
        const early = await redeliver(owner.apiKey, hook.id, pending.id);
        expect(early.statusCode).toBe(409);
        expect(early.json().code).toBe('WEBHOOK.DELIVERY_PENDING');
        const unknown = await redeliver(owner.apiKey, hook.id, '00000000-0000-4000-8000-000000000000');
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json().code).toBe('WEBHOOK.DELIVERY_NOT_FOUND');
        const del = await t.request({
          method: 'DELETE',
          url: `/api/v1/webhooks/${hook.id}`,
          headers: auth(owner.apiKey),
        });
        expect(del.statusCode).toBe(204);
      } finally {
        await worker.resume();
      }
      const settledRow = await eventually(
        () =>
          t.sql
            .one<{ status: string; last_error: string | null; attempts: number }>(
              'SELECT status, last_error, attempts FROM webhook_delivery WHERE webhook_id = $1',
              [hook.id],
            )
            .then((row) => (row && row.status !== 'pending' ? row : undefined)),
        10_000,
        'the deleted webhook’s delivery to settle',
      );
      expect(settledRow).toEqual({ status: 'failed', last_error: 'not sent: the webhook is deleted', attempts: 0 });
      expect(receiver.at(path)).toHaveLength(0);
      expect(await fanOut([event])).toBe(0);
    });

    it('re-adds the job of a pending delivery that Redis lost, and the delivery then goes out', async () => {
      const owner = await t.createCompany();
      const worker = t.app.get(WebhookDeliveryProcessor).worker;
      const path = freshPath('lost-job');
      const hook = await registered(owner.apiKey, path);
      const event = await acceptedEvent(owner);
      await worker.pause();
      let deliveryId: string;
      try {
        expect(await fanOut([event])).toBe(1);
        const [pending] = await deliveries(owner.apiKey, hook.id);
        deliveryId = pending.id;
        const queue = t.app.get(QueueRegistry).get(QueueName.Webhooks);
        // Wait for the relay to hand the job to Redis, then lose it the way a restarted Redis would.
        const job = await eventually(async () => (await queue.getJob(`webhook-${deliveryId}`)) ?? undefined);
        await job.remove();
        await t.sql.rows(`UPDATE webhook_delivery SET created_at = now() - interval '1 hour' WHERE id = $1`, [
          deliveryId,
        ]);
        expect(await t.app.get(WebhookReconciler).reconcileOnce()).toMatchObject({ requeued: 1 });
      } finally {
        await worker.resume();
      }
      await deliveryOf(owner.apiKey, hook.id, event.seq, (d) => d.status === 'delivered');
      expect(receiver.at(path)).toHaveLength(1);
    });
  });
});

describe('webhooks, end to end from the audit log', () => {
  it('delivers each subscribed event of real declarations, signed, and nothing else', async () => {
    const receiver = new Receiver();
    await receiver.start();
    const t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_BACKOFF_MS: '50' });
    try {
      const company = await t.createCompany('End To End Co');
      const path = freshPath('e2e');
      const hook = (
        await t.request({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: { authorization: `Bearer ${company.apiKey}` },
          payload: { url: receiver.url(path), events: ['declaration.accepted', 'declaration.rejected'] },
        })
      ).json();
      const accepted = await settled(t, company.apiKey, (await submit(t, company.apiKey, declarationBody())).json().id);
      const late = declarationBody({ expectedArrivalAt: new Date(Date.now() - 5 * 3_600_000).toISOString() });
      const rejected = await settled(t, company.apiKey, (await submit(t, company.apiKey, late)).json().id);
      expect([accepted.status, rejected.status]).toEqual(['accepted', 'rejected']);

      const received = await eventually(() =>
        Promise.resolve(receiver.at(path).length >= 2 ? receiver.at(path) : undefined),
      );
      const verify = documentedVerify();
      for (const r of received)
        expect(verify(hook.secret, r.headers['x-bordergate-signature'] as string, r.body)).toBe(true);
      const bodies = received.map((r) => JSON.parse(r.body));
      // Deliveries run in parallel: order of arrival is not promised (occurredAt tells the order).
      expect(bodies.map((b) => [b.type, b.data.declarationId]).sort()).toEqual([
        ['declaration.accepted', accepted.id],
        ['declaration.rejected', rejected.id],
      ]);
      // 'submitted' moves happened too, but nobody subscribed to them.
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.at(path)).toHaveLength(2);
    } finally {
      await t.close();
      await receiver.close();
    }
  });
});
