import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { getPriority } from 'node:os';
import pg from 'pg';
import { cli, startService, type RunningService } from './support/processes.js';
import { TEST_DATABASE_URL } from './support/test-env.js';
import { uniqueTaxCode } from './support/test-app.js';

describe('the built service and CLI, as an operator runs them', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await service.stop();
  });

  it('creates a company with a key shown once, which then authenticates and can be revoked', async () => {
    const created = cli(['company:create', '--name', 'Công ty Vận tải Lạng Sơn', '--tax-code', uniqueTaxCode()]);
    expect(created.status).toBe(0);
    const lines = created.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { id, apiKey } = JSON.parse(lines[0]) as { id: string; apiKey: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(apiKey).toMatch(/^bgk_[A-Za-z0-9_-]{43}$/);

    const stored = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await stored.connect();
    try {
      const { rows } = await stored.query(
        `SELECT encode(key_hash, 'hex') AS hash, key_prefix FROM api_key WHERE company_id = $1`,
        [id],
      );
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(apiKey.slice(12)); // only a hash and a short prefix are kept
    } finally {
      await stored.end();
    }

    const auth = { authorization: `Bearer ${apiKey}` };
    expect((await fetch(`${service.url}/api/v1/declarations`, { headers: auth })).status).toBe(200);

    const revoked = cli(['company:revoke-key', '--company', id]);
    expect(revoked.status).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 1 });
    expect((await fetch(`${service.url}/api/v1/declarations`, { headers: auth })).status).toBe(401);
  });

  it('refuses a bad tax code and a duplicate company with a clear message and no new rows', () => {
    const bad = cli(['company:create', '--name', 'X', '--tax-code', '12345']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--tax-code: must be 10 or 13 digits (REQUEST.VALIDATION_FAILED)');

    const taxCode = uniqueTaxCode();
    expect(cli(['company:create', '--name', 'First', '--tax-code', taxCode]).status).toBe(0);
    const duplicate = cli(['company:create', '--name', 'Second', '--tax-code', taxCode]);
    expect(duplicate.status).toBe(3); // already exists: the first company, no new key (test/cli.test.ts)
    expect(duplicate.stdout).not.toContain('apiKey');
  });

  it('adds plates and documents to the watchlist in canonical form', () => {
    const plate = cli(['watchlist:add', '--plate', '１２ｃ 555 55', '--reason', 'stolen']);
    expect(plate.status).toBe(0);
    expect(JSON.parse(plate.stdout)).toMatchObject({ value: '12C55555' });
    const document = cli(['watchlist:add', '--document', '020090009999', '--reason', 'forged']);
    expect(JSON.parse(document.stdout)).toMatchObject({ value: '020090009999' });
    const both = cli(['watchlist:add', '--plate', '12C-555.55', '--document', '1', '--reason', 'x']);
    expect(both.status).toBe(2);
    const unknown = cli(['nope:nothing']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "nope:nothing"');
    expect(unknown.stderr).toContain('company:create');
  });

  it('serves the OpenAPI document describing every endpoint, and the docs page', async () => {
    const docs = await fetch(`${service.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');

    const spec = (await (await fetch(`${service.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; summary?: string }>>;
    };
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/v1/amendment-requests/{id}/decision',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
      '/api/v1/auth/refresh',
      '/api/v1/booking-suspensions',
      '/api/v1/booking-suspensions/{id}/lift',
      '/api/v1/company/api-keys',
      '/api/v1/company/api-keys/{prefix}/revoke',
      '/api/v1/company/session',
      '/api/v1/company/users',
      '/api/v1/company/users/{id}/disable',
      '/api/v1/company/users/{id}/enable',
      '/api/v1/declarations',
      '/api/v1/declarations/{id}',
      '/api/v1/declarations/{id}/cancel',
      '/api/v1/declarations/{id}/qr.png',
      '/api/v1/declarations/{id}/slot',
      '/api/v1/gates',
      '/api/v1/gates/{gate}/amendment-requests',
      '/api/v1/gates/{gate}/board',
      '/api/v1/gates/{gate}/board/events',
      '/api/v1/gates/{gate}/booking-rule',
      '/api/v1/gates/{gate}/booking-suspensions',
      '/api/v1/gates/{gate}/call-rule',
      '/api/v1/gates/{gate}/capacity-exceptions',
      '/api/v1/gates/{gate}/capacity-exceptions/{id}',
      '/api/v1/gates/{gate}/check-ins',
      '/api/v1/gates/{gate}/close',
      '/api/v1/gates/{gate}/declarations/{id}',
      '/api/v1/gates/{gate}/exits',
      '/api/v1/gates/{gate}/fees.csv',
      '/api/v1/gates/{gate}/hourly-capacity',
      '/api/v1/gates/{gate}/open',
      '/api/v1/gates/{gate}/priority-cycle',
      '/api/v1/gates/{gate}/queues/{agency}',
      '/api/v1/gates/{gate}/queues/{agency}/claim',
      '/api/v1/gates/{gate}/returns',
      '/api/v1/gates/{gate}/slots',
      '/api/v1/gates/{gate}/yard-capacity',
      '/api/v1/officers',
      '/api/v1/officers/{id}/disable',
      '/api/v1/officers/{id}/enable',
      '/api/v1/officers/{id}/password',
      '/api/v1/officers/{id}/postings',
      '/api/v1/regulation-yards',
      '/api/v1/regulation-yards/{yard}/check-ins',
      '/api/v1/regulation-yards/{yard}/line',
      '/api/v1/stats/daily',
      '/api/v1/steps/{id}/decision',
      '/api/v1/vehicles/{plate}/events',
      '/api/v1/vehicles/{plate}/status',
      '/api/v1/webhooks',
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/deliveries',
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      '/api/v1/webhooks/{id}/enable',
      '/health',
    ]);
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, summary: operation.summary }).toEqual({ path, method, summary: expect.any(String) });
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(spec.paths['/api/v1/declarations'].post.responses).sort()).toEqual(
      ['202', '400', '401', '409', '413', '415', '422'].sort(),
    );
  });

  it('logs JSON lines with a request id and without identity numbers, phones or the plate in the URL', async () => {
    const created = JSON.parse(cli(['company:create', '--name', 'Log Co', '--tax-code', uniqueTaxCode()]).stdout) as {
      apiKey: string;
    };
    const body = {
      gate: 'HUU_NGHI',
      direction: 'import',
      expectedArrivalAt: new Date(Date.now() + 3_600_000).toISOString(),
      vehicle: { plate: '98C-777.66', nationality: 'VN' },
      driver: { fullName: 'Lý Văn Tư', documentNumber: '020090004321', nationality: 'VN', phone: '+84987654321' },
      cargo: { description: 'Empty', grossWeightKg: 0, perishable: false },
    };
    const res = await fetch(`${service.url}/api/v1/declarations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${created.apiKey}`,
        'idempotency-key': `log-${randomBytes(4).toString('hex')}`,
        'content-type': 'application/json',
        'x-request-id': 'trace-abc-123',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    await fetch(`${service.url}/api/v1/vehicles/98C-777.66/status`);
    await new Promise((r) => setTimeout(r, 300));

    const output = service.output();
    const requestLine = output.split('\n').find((l) => l.includes('trace-abc-123'));
    expect(requestLine).toBeDefined();
    expect(JSON.parse(requestLine!)).toMatchObject({
      reqId: 'trace-abc-123',
      route: '/api/v1/declarations',
      status: 202,
    });
    for (const secret of ['020090004321', '+84987654321', '84987654321', created.apiKey, '98C-777.66', '98C77766']) {
      expect(output).not.toContain(secret);
    }
  });

  it('shuts down cleanly on SIGTERM, closing its connections', async () => {
    const other = await startService({ LOG_LEVEL: 'info' });
    const exit = await other.stop();
    const errors = other
      .output()
      .split('\n')
      .filter((line) => line.includes('"level":50'));
    expect({ exitedOnSignal: exit.code === 0 || exit.signal === 'SIGTERM', errors }).toEqual({
      exitedOnSignal: true,
      errors: [],
    });
  });
});

describe('start-up', () => {
  it('names every bad variable and refuses to start', () => {
    const result = spawnSync(process.execPath, ['dist/src/main.js'], {
      env: { PATH: process.env.PATH, PORT: 'eighty', APP_ROLE: 'both', REDIS_URL: 'http://x' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(78);
    for (const name of ['PORT', 'APP_ROLE', 'REDIS_URL']) expect(result.stderr).toContain(name);
  });

  it('creates a missing database and migrates it once, even with two processes starting together; the worker yields CPU to the API', async () => {
    const name = `border_gate_test_fresh_${randomBytes(3).toString('hex')}`;
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const [a, b] = await Promise.all([
      startService({ DATABASE_URL: url.toString(), APP_ROLE: 'api' }),
      startService({ DATABASE_URL: url.toString(), APP_ROLE: 'worker', LOG_LEVEL: 'info' }),
    ]);
    try {
      const health = await fetch(`${a.url}/health`);
      expect(health.status).toBe(200);
      expect(getPriority(a.child.pid)).toBe(getPriority()); // the API keeps its priority
      expect(getPriority(b.child.pid)).toBe(Math.max(getPriority(), 10)); // WORKER_NICE by default
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM typeorm_migrations');
        const gates = await client.query<{ code: string }>('SELECT code FROM gate ORDER BY code');
        expect(rows[0].n).toBeGreaterThan(0);
        expect(gates.rows.map((g) => g.code)).toEqual(['HUU_NGHI', 'TAN_THANH']);
      } finally {
        await client.end();
      }
    } finally {
      await a.stop();
      await b.stop();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
