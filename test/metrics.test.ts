import { randomInt } from 'node:crypto';
import { settled, submit } from './support/api.js';
import { expectError as expectCodedError } from './support/errors.js';
import { declarationBody, eventually } from './support/factories.js';
import { officer } from './support/officers.js';
import { startService, type RunningService } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { METRICS_HEADERS, testQueuePrefix } from './support/test-env.js';
import { JobName, QueueName } from '../src/modules/queue/queue-names.js';
import { QueueRegistry } from '../src/modules/queue/queue-registry.service.js';

const QUEUES = Object.values(QueueName);

/** The value of one sample in Prometheus text, matched by name and (a subset of) its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(t: TestApp): Promise<string> {
  const res = await t.request({ method: 'GET', url: '/metrics', headers: METRICS_HEADERS });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
}

describe('metrics of an API process, with a separate worker process', () => {
  const prefix = testQueuePrefix();
  const workerPort = randomInt(50_001, 60_000);
  let api: TestApp;
  let worker: RunningService | null = null;
  let company: { id: string; apiKey: string };
  let declarationId: string;
  let plate: string;

  beforeAll(async () => {
    api = await startTestApp({ APP_ROLE: 'api', QUEUE_PREFIX: prefix });
    company = await api.createCompany();
  });
  afterAll(async () => {
    await worker?.stop();
    await api.close();
  });

  it('reads outbox lag, declaration counts and queue depths at scrape time', async () => {
    const body = declarationBody();
    plate = body.vehicle.plate as string;
    const submitted = await submit(api, company.apiKey, body);
    expect(submitted.statusCode).toBe(202);
    declarationId = submitted.json().id as string;
    const waiting = await api.app.get(QueueRegistry).get(QueueName.Stats).add(JobName.RollupDailyStats, {});
    const delayed = await api.app
      .get(QueueRegistry)
      .get(QueueName.Webhooks)
      .add(JobName.DeliverWebhook, {}, { delay: 3_600_000 });

    const text = await scrape(api);
    // No worker runs yet: the submission's job waits in the outbox.
    expect(sample(text, 'border_gate_outbox_unrelayed_messages')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'border_gate_outbox_oldest_unrelayed_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'border_gate_declarations', { status: 'submitted' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'border_gate_declarations', { status: 'exited' })).toBeGreaterThanOrEqual(0);
    for (const queue of QUEUES) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(sample(text, 'border_gate_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      }
      expect(sample(text, 'border_gate_queue_oldest_waiting_seconds', { queue })).toBeGreaterThanOrEqual(0);
    }
    expect(sample(text, 'border_gate_queue_jobs', { queue: 'stats', state: 'waiting' })).toBe(1);
    expect(sample(text, 'border_gate_queue_jobs', { queue: 'webhooks', state: 'delayed' })).toBe(1);
    expect(sample(text, 'border_gate_metrics_source_up', { source: 'redis' })).toBe(1);
    expect(sample(text, 'border_gate_metrics_source_up', { source: 'postgres' })).toBe(1);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    // The worker about to start must not take these.
    await waiting.remove();
    await delayed.remove();
  });

  it('labels HTTP requests by route pattern and never by the raw URL', async () => {
    const found = await api.request({ method: 'GET', url: `/api/v1/vehicles/${encodeURIComponent(plate)}/status` });
    expect(found.statusCode).toBe(200);
    const unmatched = await api.request({ method: 'GET', url: `/api/v1/no-such-thing/${encodeURIComponent(plate)}` });
    expect(unmatched.statusCode).toBe(404);

    const text = await scrape(api);
    const route = { method: 'GET', route: '/api/v1/vehicles/:plate/status', status_code: '200' };
    expect(sample(text, 'http_request_duration_seconds_count', route)).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/declarations' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain(plate);
    expect(text).not.toContain(plate.replace(/[-.]/g, ''));
    expect(text).not.toContain(declarationId);
    expect(text).not.toContain('no-such-thing');
  });

  it('serves job metrics from a worker-only process on WORKER_METRICS_PORT', async () => {
    worker = await startService({
      APP_ROLE: 'worker',
      QUEUE_PREFIX: prefix,
      WORKER_METRICS_PORT: String(workerPort),
      LOG_LEVEL: 'info',
      OUTBOX_POLL_INTERVAL_MS: '20',
    });
    expect((await settled(api, company.apiKey, declarationId, 20_000)).status).toBe('accepted');

    const res = await fetch(`http://127.0.0.1:${workerPort}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const screened = { queue: 'screening', job: 'screen-declaration', outcome: 'completed' };
    expect(sample(text, 'border_gate_job_duration_seconds_count', screened)).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'border_gate_job_duration_seconds_bucket', { ...screened, le: '+Inf' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain('http_request_duration_seconds');
    expect((await fetch(`http://127.0.0.1:${workerPort}/health`)).status).toBe(404);

    // The API, which ran no job, reads the outcome from PostgreSQL and BullMQ.
    const apiText = await eventually(async () => {
      const t = await scrape(api);
      return sample(t, 'border_gate_outbox_unrelayed_messages') === 0 ? t : undefined;
    });
    expect(sample(apiText, 'border_gate_outbox_oldest_unrelayed_seconds')).toBe(0);
    expect(sample(apiText, 'border_gate_declarations', { status: 'accepted' })).toBeGreaterThanOrEqual(1);
    expect(sample(apiText, 'border_gate_job_duration_seconds_count', screened)).toBeUndefined();
  });
});

describe('metrics of one process running API and worker', () => {
  let app: TestApp;
  let board: RunningService;

  beforeAll(async () => {
    app = await startTestApp();
    // The built server: Bull Board's UI loads @fastify/static, which Jest cannot load in-process.
    board = await startService({ APP_ROLE: 'api', QUEUE_PREFIX: app.config.queue.prefix });
  });
  afterAll(async () => {
    // Either may be missing when beforeAll failed; whatever started must still stop, or its loops outlive the suite.
    await board?.stop();
    await app?.close();
  });

  it('includes the jobs this process ran, failed attempts too, in GET /metrics', async () => {
    const company = await app.createCompany();
    const submitted = await submit(app, company.apiKey, declarationBody());
    expect((await settled(app, company.apiKey, submitted.json().id as string)).status).toBe('accepted');
    await app.app
      .get(QueueRegistry)
      .get(QueueName.Screening)
      .add(JobName.ScreenDeclaration, { declarationId: 'not-a-declaration' }, { jobId: 'broken-1', attempts: 1 });

    const text = await eventually(async () => {
      const t = await scrape(app);
      return sample(t, 'border_gate_queue_jobs', { queue: 'screening', state: 'failed' }) === 1 ? t : undefined;
    });
    const screening = { queue: 'screening', job: 'screen-declaration' };
    expect(
      sample(text, 'border_gate_job_duration_seconds_count', { ...screening, outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'border_gate_job_duration_seconds_count', { ...screening, outcome: 'failed' })).toBe(1);
    expect(sample(text, 'border_gate_job_failures_total', { ...screening, final: 'true' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/v1/declarations' })).toBeGreaterThan(0);
  });

  it('keeps GET /metrics out of the API docs', async () => {
    const paths = Object.keys((await app.request({ method: 'GET', url: '/api/docs-json' })).json().paths);
    expect(paths).toContain('/health');
    expect(paths.filter((p) => p.startsWith('/metrics') || p.startsWith('/admin'))).toEqual([]);
  });

  describe('the queue dashboard at /admin/queues', () => {
    const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${board.url}${path}`, { headers, redirect: 'manual' });

    async function expectError(res: Response, status: number, code: string): Promise<void> {
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({
        statusCode: status,
        code,
        message: expect.any(String),
        requestId: res.headers.get('x-request-id'),
      });
    }

    it('answers 401 without a token, in the service error shape, for the page and its API alike', async () => {
      await expectError(await get('/admin/queues'), 401, 'AUTH.TOKEN_MISSING');
      await expectError(await get('/admin/queues/api/queues'), 401, 'AUTH.TOKEN_MISSING');
      await expectError(await get('/admin/queues/login'), 401, 'AUTH.TOKEN_MISSING');
      await expectError(await get('/admin/queues/login?token=not.a.token'), 401, 'AUTH.TOKEN_INVALID');
      await expectError(
        await get('/admin/queues', { cookie: 'bg_queue_board=not.a.token' }),
        401,
        'AUTH.TOKEN_INVALID',
      );
    });

    it('answers 403 to an officer who is not a supervisor', async () => {
      const customs = await officer(app, 'customs');
      const token = customs.headers.authorization.slice('Bearer '.length);
      await expectError(await get('/admin/queues', customs.headers), 403, 'AUTH.FORBIDDEN');
      const login = await get(`/admin/queues/login?token=${token}`);
      expect(login.headers.get('set-cookie')).toBeNull();
      await expectError(login, 403, 'AUTH.FORBIDDEN');
      await expectError(await get('/admin/queues', { cookie: `bg_queue_board=${token}` }), 403, 'AUTH.FORBIDDEN');
    });

    it('signs a supervisor in with a cookie, then serves the dashboard and its JSON API', async () => {
      const supervisor = await officer(app, 'supervisor', ['TAN_THANH']);
      const token = supervisor.headers.authorization.slice('Bearer '.length);

      const login = await get(`/admin/queues/login?token=${token}`);
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/admin/queues');
      const setCookie = login.headers.get('set-cookie') ?? '';
      const parts = /^(bg_queue_board=[^;]+); Max-Age=(\d+); Path=\/admin\/queues; HttpOnly; SameSite=Strict$/.exec(
        setCookie,
      );
      expect(parts).not.toBeNull();
      expect(Number(parts![2])).toBeGreaterThan(800);
      expect(Number(parts![2])).toBeLessThanOrEqual(900); // the token's own lifetime
      const cookie = { cookie: parts![1] };

      const page = await get('/admin/queues', cookie);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('Border gate queues');

      const api = await get('/admin/queues/api/queues', cookie);
      expect(api.status).toBe(200);
      const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
      expect(names.sort()).toEqual([...QUEUES].sort());

      // A bearer header works as well as the cookie (scripts, curl).
      expect((await get('/admin/queues/api/queues', supervisor.headers)).status).toBe(200);
    });

    it('lets a supervisor retry a failed job, and refuses the actions that throw work away', async () => {
      const supervisor = await officer(app, 'supervisor');
      const queue = app.app.get(QueueRegistry).get(QueueName.Screening);
      await queue.add(JobName.ScreenDeclaration, { declarationId: 'also-not-one' }, { jobId: 'broken-2', attempts: 1 });
      await eventually(async () => ((await queue.getJobState('broken-2')) === 'failed' ? true : undefined));

      const put = (path: string): Promise<Response> =>
        fetch(`${board.url}${path}`, { method: 'PUT', headers: supervisor.headers });
      expect((await put('/admin/queues/api/queues/screening/broken-2/retry')).status).toBe(204);
      // Ran again (and failed again: the id is still not a declaration).
      await eventually(async () => ((await queue.getJob('broken-2'))!.attemptsStarted >= 2 ? true : undefined));
      await eventually(async () => ((await queue.getJobState('broken-2')) === 'failed' ? true : undefined));

      await expectError(await put('/admin/queues/api/queues/screening/obliterate'), 403, 'AUTH.FORBIDDEN');
      await expectError(await put('/admin/queues/api/queues/screening/empty'), 403, 'AUTH.FORBIDDEN');
      expect(await queue.getJob('broken-2')).toBeDefined();
    });
  });
});

describe('who may read /metrics', () => {
  let withToken: TestApp;
  let withoutToken: TestApp;
  let service: RunningService | null = null;

  beforeAll(async () => {
    withToken = await startTestApp({ APP_ROLE: 'api' });
    withoutToken = await startTestApp({ APP_ROLE: 'api', METRICS_TOKEN: '' });
  });
  afterAll(async () => {
    await service?.stop();
    await withToken?.close();
    await withoutToken?.close();
  });

  it('answers 404 on the API port when no METRICS_TOKEN is set, whatever the client sends', async () => {
    for (const headers of [{}, METRICS_HEADERS, { authorization: 'Bearer ' }]) {
      const res = await withoutToken.request({ method: 'GET', url: '/metrics', headers });
      expectCodedError(res, 404, 'REQUEST.ROUTE_NOT_FOUND');
      expect(res.body).not.toContain('nodejs_heap');
    }
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-metrics-token-at-all-0123456789' }],
    ['the token without Bearer', { authorization: METRICS_HEADERS.authorization.slice('Bearer '.length) }],
    ['an officer-style Basic header', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('answers 401 on the API port for %s', async (_, headers) => {
    const res = await withToken.request({ method: 'GET', url: '/metrics', headers });
    expectCodedError(res, 401, 'AUTH.METRICS_TOKEN_INVALID');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).not.toContain('nodejs_heap');
  });

  it('serves an API process metrics on METRICS_PORT, bound to loopback, without a token', async () => {
    const metricsPort = randomInt(50_001, 60_000);
    service = await startService({ APP_ROLE: 'api', METRICS_PORT: String(metricsPort), METRICS_TOKEN: '' });
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).toContain('http_request_duration_seconds');
    expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/api/v1/gates`)).status).toBe(404);
  });
});
