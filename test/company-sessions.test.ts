import { sessionId } from '../src/modules/companies/company-sessions.service.js';
import { RetentionPurge } from '../src/modules/retention/retention-purge.service.js';
import { declarationBody, idempotencyKey } from './support/factories.js';
import {
  COMPANY_PASSWORD,
  createCompanyUser,
  type PortalSession,
  portalHeaders,
  signIn,
  uniqueUsername,
} from './support/company-people.js';
import { expectError } from './support/errors.js';
import { cli } from './support/processes.js';
import { startTestApp, type TestApp, type TestCompany, type TestResponse } from './support/test-app.js';

const withoutRequestId = (res: TestResponse): Record<string, unknown> => {
  const { requestId, ...rest } = res.json() as Record<string, unknown>;
  expect(requestId).toEqual(expect.any(String));
  return rest;
};

describe('company people and portal sign-ins', () => {
  let t: TestApp;
  let company: TestCompany;
  let admin: Awaited<ReturnType<typeof createCompanyUser>>;
  let clerk: Awaited<ReturnType<typeof createCompanyUser>>;

  // Behind a reverse proxy, as production runs: X-Forwarded-Proto tells whether the browser used HTTPS.
  beforeAll(async () => {
    t = await startTestApp({ HTTP_TRUST_PROXY: 'true' });
    company = await t.createCompany('Portal Transport Co');
    admin = await createCompanyUser(t, company.id, 'admin');
    clerk = await createCompanyUser(t, company.id, 'clerk');
  });
  afterAll(async () => t.close());

  const get = (url: string, session: PortalSession): Promise<TestResponse> =>
    t.request({ method: 'GET', url, headers: portalHeaders(session) });
  const post = (url: string, session: PortalSession, payload?: unknown, extra: Record<string, string> = {}) =>
    t.request({ method: 'POST', url, headers: { ...portalHeaders(session, true), ...extra }, payload });
  const declarationsOf = async (companyId: string): Promise<number> =>
    (await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration WHERE company_id = $1', [companyId]))!
      .n;
  const sessionRow = (session: PortalSession) =>
    t.sql.one<{ ended_at: Date | null }>('SELECT ended_at FROM company_session WHERE id = $1', [
      sessionId(session.token),
    ]);

  describe('signing in and out', () => {
    it('sets an HttpOnly, SameSite=Strict cookie for the whole site and answers the person with a CSRF token', async () => {
      const session = await signIn(t, admin.username.toUpperCase());
      const cookie = String(session.response.headers['set-cookie']);
      expect(cookie).toMatch(/^bg_company_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
      expect(cookie).not.toContain('Secure'); // plain HTTP
      expect(session.response.json()).toEqual({
        user: {
          id: admin.id,
          username: admin.username,
          role: 'admin',
          companyId: company.id,
          companyName: 'Portal Transport Co',
        },
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      // Only the token's hash is stored.
      const stored = await t.sql.one<{ id: string }>('SELECT id FROM company_session WHERE user_id = $1 LIMIT 1', [
        admin.id,
      ]);
      expect(stored!.id).toMatch(/^[0-9a-f]{64}$/);
      expect(stored!.id).not.toContain(session.token);

      const current = await get('/api/v1/company/session', session);
      expect(current.statusCode).toBe(200);
      expect(current.json()).toEqual(session.response.json());
    });

    it('marks the cookie Secure when the browser came over HTTPS through the trusted proxy', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/company/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: clerk.username, password: COMPANY_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie']).split('; ')).toContain('Secure');
    });

    it('answers a wrong password, an unknown username and a disabled person with the same 401', async () => {
      const off = await createCompanyUser(t, company.id, 'clerk');
      const other = await signIn(t, admin.username);
      expect((await post(`/api/v1/company/users/${off.id}/disable`, other)).statusCode).toBe(200);
      const attempt = (username: string, password: string) =>
        t.request({ method: 'POST', url: '/api/v1/company/session', payload: { username, password } });

      const answers = [
        await attempt(clerk.username, `${COMPANY_PASSWORD}x`),
        await attempt(uniqueUsername(), COMPANY_PASSWORD),
        await attempt(off.username, COMPANY_PASSWORD),
      ];
      for (const res of answers) {
        expectError(res, 401, 'AUTH.LOGIN_FAILED');
        expect(withoutRequestId(res)).toEqual({
          statusCode: 401,
          code: 'AUTH.LOGIN_FAILED',
          message: 'Username or password is incorrect',
        });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('answers who is signed in only with a live cookie', async () => {
      expectError(await t.request({ method: 'GET', url: '/api/v1/company/session' }), 401, 'AUTH.SESSION_MISSING');
      const forged = await t.request({
        method: 'GET',
        url: '/api/v1/company/session',
        headers: { cookie: `bg_company_session=${'A'.repeat(43)}` },
      });
      expectError(forged, 401, 'AUTH.SESSION_EXPIRED');
    });

    it('signs out: the session ends in the database, the cookie is cleared, the old cookie no longer works', async () => {
      const session = await signIn(t, clerk.username);
      const out = await t.request({
        method: 'DELETE',
        url: '/api/v1/company/session',
        headers: portalHeaders(session),
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(
        /^bg_company_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
      );
      expect((await sessionRow(session))!.ended_at).toBeInstanceOf(Date);

      expectError(await get('/api/v1/company/session', session), 401, 'AUTH.SESSION_EXPIRED');
      expectError(await get('/api/v1/declarations', session), 401, 'AUTH.SESSION_EXPIRED');
    });

    it('ends a session unused for COMPANY_SESSION_IDLE_SECONDS, and any session older than COMPANY_SESSION_MAX_SECONDS', async () => {
      const idle = await signIn(t, clerk.username);
      expect((await get('/api/v1/declarations', idle)).statusCode).toBe(200);
      await t.sql.rows(`UPDATE company_session SET last_seen_at = now() - interval '1801 seconds' WHERE id = $1`, [
        sessionId(idle.token),
      ]);
      expectError(await get('/api/v1/declarations', idle), 401, 'AUTH.SESSION_EXPIRED');
      expectError(await get('/api/v1/company/session', idle), 401, 'AUTH.SESSION_EXPIRED');

      const old = await signIn(t, clerk.username);
      await t.sql.rows(`UPDATE company_session SET created_at = now() - interval '12 hours 1 second' WHERE id = $1`, [
        sessionId(old.token),
      ]);
      expectError(await get('/api/v1/company/session', old), 401, 'AUTH.SESSION_EXPIRED');
    });

    it('keeps a session in use alive: each request records it', async () => {
      const session = await signIn(t, clerk.username);
      await t.sql.rows(`UPDATE company_session SET last_seen_at = now() - interval '1700 seconds' WHERE id = $1`, [
        sessionId(session.token),
      ]);
      expect((await get('/api/v1/declarations', session)).statusCode).toBe(200);
      const row = await t.sql.one<{ idle: number }>(
        'SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM company_session WHERE id = $1',
        [sessionId(session.token)],
      );
      expect(row!.idle).toBeLessThan(60);
    });

    it('locks a person out after AUTH_LOGIN_MAX_FAILURES wrong passwords, as officers are: 429 with Retry-After', async () => {
      const person = await createCompanyUser(t, company.id, 'clerk');
      const attempt = (password: string) =>
        t.request({ method: 'POST', url: '/api/v1/company/session', payload: { username: person.username, password } });
      for (let i = 0; i < t.config.auth.loginMaxFailures; i += 1)
        expectError(await attempt(`wrong ${COMPANY_PASSWORD}`), 401, 'AUTH.LOGIN_FAILED');
      const locked = await attempt(COMPANY_PASSWORD);
      const body = expectError(locked, 429, 'AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(locked.headers['retry-after'])).toBe(body.details.retryAfterSeconds);
      expect(locked.headers['set-cookie']).toBeUndefined();
    });

    it('forgets sign-ins 31 days after they began, in the daily purge', async () => {
      const old = await signIn(t, clerk.username);
      const recent = await signIn(t, clerk.username);
      await t.sql.rows(`UPDATE company_session SET created_at = now() - interval '32 days' WHERE id = $1`, [
        sessionId(old.token),
      ]);
      const purged = await t.app.get(RetentionPurge).purge();
      expect(purged.companySessions).toBeGreaterThanOrEqual(1);
      expect(await sessionRow(old)).toBeNull();
      expect(await sessionRow(recent)).not.toBeNull();
    });

    it('refuses bad sign-in input naming the field, and sets no cookie', async () => {
      const missing = await t.request({ method: 'POST', url: '/api/v1/company/session', payload: { username: 'x' } });
      expect(expectError(missing, 400, 'REQUEST.VALIDATION_FAILED').details).toEqual([
        { field: 'password', message: expect.any(String) },
      ]);
      expect(missing.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('the cookie on company endpoints', () => {
    let session: PortalSession;
    beforeAll(async () => {
      session = await signIn(t, clerk.username);
    });

    it('lists declarations with the cookie alone', async () => {
      const res = await get('/api/v1/declarations', session);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(expect.objectContaining({ items: expect.any(Array) }));
    });

    it('refuses an unsafe request without X-CSRF-Token or with a wrong one: 403 AUTH.CSRF, nothing created', async () => {
      const before = await declarationsOf(company.id);
      for (const csrf of [undefined, 'wrong', `${session.csrfToken.slice(0, -1)}x`]) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/declarations',
          headers: {
            cookie: session.cookie,
            'idempotency-key': idempotencyKey(),
            ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }),
          },
          payload: declarationBody(),
        });
        const body = expectError(res, 403, 'AUTH.CSRF');
        expect(body.message).toMatch(/reload the page/);
      }
      expect(await declarationsOf(company.id)).toBe(before);
    });

    it('refuses an unsafe request from another origin even with the token; takes it from its own', async () => {
      const before = await declarationsOf(company.id);
      const foreign = await post('/api/v1/declarations', session, declarationBody(), {
        'idempotency-key': idempotencyKey(),
        origin: 'https://evil.example',
      });
      expectError(foreign, 403, 'AUTH.CSRF');
      expect(await declarationsOf(company.id)).toBe(before);

      const own = await post('/api/v1/declarations', session, declarationBody(), {
        'idempotency-key': idempotencyKey(),
        origin: t.baseUrl,
      });
      expect(own.statusCode).toBe(202);
      expect(await declarationsOf(company.id)).toBe(before + 1);
    });

    it('submits with the CSRF token, records the person in the audit log, and replays per company', async () => {
      const key = idempotencyKey();
      const body = declarationBody();
      const res = await post('/api/v1/declarations', session, body, { 'idempotency-key': key });
      expect(res.statusCode).toBe(202);
      const { id } = res.json();
      const event = await t.sql.one<{ actor: string }>(
        `SELECT actor FROM declaration_event WHERE declaration_id = $1 AND to_status = 'submitted'`,
        [id],
      );
      expect(event!.actor).toBe(`company_user:${clerk.id}`);

      // The same key from the company's API key replays the first answer: keys are per company, as always.
      const replay = await t.request({
        method: 'POST',
        url: '/api/v1/declarations',
        headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': key },
        payload: body,
      });
      expect(replay.statusCode).toBe(202);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json().id).toBe(id);

      const cancel = await post(`/api/v1/declarations/${id}/cancel`, session, undefined, {
        'idempotency-key': idempotencyKey(),
      });
      expect(cancel.statusCode).toBe(200);
    });

    it('still answers 401 AUTH.API_KEY_MISSING with neither credential, now mentioning signing in', async () => {
      const body = expectError(
        await t.request({ method: 'GET', url: '/api/v1/declarations' }),
        401,
        'AUTH.API_KEY_MISSING',
      );
      expect(body.message).toContain('/api/v1/company/session');
    });
  });

  describe('roles', () => {
    it('refuses a clerk on people, API keys and webhooks, naming who may', async () => {
      const session = await signIn(t, clerk.username);
      const attempts = [
        await get('/api/v1/company/users', session),
        await post('/api/v1/company/users', session, {
          username: uniqueUsername(),
          password: COMPANY_PASSWORD,
          role: 'clerk',
        }),
        await get('/api/v1/company/api-keys', session),
        await post('/api/v1/company/api-keys', session, { name: 'sneaky' }),
        await get('/api/v1/webhooks', session),
      ];
      for (const res of attempts) expect(expectError(res, 403, 'AUTH.FORBIDDEN').message).toMatch(/administrator/);
      expect(
        await t.sql.one(`SELECT 1 FROM api_key WHERE company_id = $1 AND name = 'sneaky'`, [company.id]),
      ).toBeNull();
    });

    it('lets an API key do what it did (declarations, webhooks) but not manage people or keys', async () => {
      const bearer = { authorization: `Bearer ${company.apiKey}` };
      expect((await t.request({ method: 'GET', url: '/api/v1/webhooks', headers: bearer })).statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: '/api/v1/declarations', headers: bearer })).statusCode).toBe(200);
      for (const url of ['/api/v1/company/users', '/api/v1/company/api-keys']) {
        const res = await t.request({ method: 'GET', url, headers: bearer });
        expect(expectError(res, 403, 'AUTH.FORBIDDEN').message).toMatch(/signed in to the company portal/);
      }
    });

    it('lets an administrator see webhooks', async () => {
      const session = await signIn(t, admin.username);
      expect((await get('/api/v1/webhooks', session)).statusCode).toBe(200);
    });
  });

  describe('people, by an administrator', () => {
    let session: PortalSession;
    beforeAll(async () => {
      session = await signIn(t, admin.username);
    });

    it('adds a person who can sign in; a taken username is a 409', async () => {
      const username = uniqueUsername('New.Clerk');
      const created = await post('/api/v1/company/users', session, {
        username,
        password: COMPANY_PASSWORD,
        role: 'clerk',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toEqual({
        id: expect.any(String),
        username: username.toLowerCase(),
        role: 'clerk',
        createdAt: expect.any(String),
        disabledAt: null,
      });
      expect((await signIn(t, username)).response.json().user.role).toBe('clerk');

      const listed = await get('/api/v1/company/users', session);
      expect(listed.json().map((u: { username: string }) => u.username)).toEqual(
        expect.arrayContaining([admin.username, clerk.username, username.toLowerCase()]),
      );
      expect(listed.body).not.toContain('scrypt');

      const again = await post('/api/v1/company/users', session, {
        username,
        password: COMPANY_PASSWORD,
        role: 'admin',
      });
      expectError(again, 409, 'CONFLICT.DUPLICATE');
    });

    it('refuses bad input naming the field, and creates nobody', async () => {
      const username = uniqueUsername();
      const cases: [Record<string, unknown>, string][] = [
        [{ password: COMPANY_PASSWORD, role: 'clerk' }, 'username'],
        [{ username, role: 'clerk' }, 'password'],
        [{ username, password: COMPANY_PASSWORD }, 'role'],
        [{ username, password: COMPANY_PASSWORD, role: 'owner' }, 'role'],
        [{ username, password: 'short', role: 'clerk' }, 'password'],
        [{ username: 'a b', password: COMPANY_PASSWORD, role: 'clerk' }, 'username'],
      ];
      for (const [payload, field] of cases) {
        const res = await post('/api/v1/company/users', session, payload);
        const body = expectError(res, 400, 'REQUEST.VALIDATION_FAILED');
        expect(body.details).toEqual([{ field, message: expect.any(String) }]);
      }
      expect(await t.sql.one('SELECT 1 FROM company_user WHERE username = $1', [username])).toBeNull();
    });

    it('disables a person: their sessions end and they cannot sign in; enabling lets them back', async () => {
      const person = await createCompanyUser(t, company.id, 'clerk');
      const theirs = await signIn(t, person.username);

      const disabled = await post(`/api/v1/company/users/${person.id}/disable`, session);
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json()).toEqual(expect.objectContaining({ id: person.id, disabledAt: expect.any(String) }));
      expect((await sessionRow(theirs))!.ended_at).toBeInstanceOf(Date);
      expectError(await get('/api/v1/declarations', theirs), 401, 'AUTH.SESSION_EXPIRED');
      const refused = await t.request({
        method: 'POST',
        url: '/api/v1/company/session',
        payload: { username: person.username, password: COMPANY_PASSWORD },
      });
      expectError(refused, 401, 'AUTH.LOGIN_FAILED');

      const enabled = await post(`/api/v1/company/users/${person.id}/enable`, session);
      expect(enabled.json().disabledAt).toBeNull();
      expect((await signIn(t, person.username)).response.statusCode).toBe(200);
    });

    it('cannot disable themself, nor a person of another company', async () => {
      const self = await post(`/api/v1/company/users/${admin.id}/disable`, session);
      expectError(self, 409, 'COMPANY_USER.CANNOT_DISABLE_SELF');
      expect((await get('/api/v1/company/session', session)).statusCode).toBe(200);

      const elsewhere = await t.createCompany('Elsewhere Co');
      const stranger = await createCompanyUser(t, elsewhere.id, 'clerk');
      expectError(await post(`/api/v1/company/users/${stranger.id}/disable`, session), 404, 'COMPANY_USER.NOT_FOUND');
      expectError(await post('/api/v1/company/users/not-an-id/disable', session), 404, 'COMPANY_USER.NOT_FOUND');
      expect((await signIn(t, stranger.username)).response.statusCode).toBe(200);
    });
  });

  describe("the operator's CLI (built: npm run build)", () => {
    it('company-user:create makes a person who can sign in; again: exit 3 with the existing person', async () => {
      const username = uniqueUsername('cli');
      const args = ['--password', COMPANY_PASSWORD, '--role', 'admin', '--company'];
      const made = cli(['company-user:create', '--username', username, ...args, company.id]);
      expect(made.status).toBe(0);
      const person = JSON.parse(made.stdout);
      expect(person).toEqual({
        companyId: company.id,
        id: expect.any(String),
        username,
        role: 'admin',
        createdAt: expect.any(String),
        disabledAt: null,
      });
      expect(made.stdout + made.stderr).not.toContain(COMPANY_PASSWORD);
      const session = await signIn(t, username);
      expect(session.response.json().user).toEqual(expect.objectContaining({ id: person.id, role: 'admin' }));

      const again = cli(['company-user:create', '--username', username.toUpperCase(), ...args, company.id]);
      expect(again.status).toBe(3);
      expect(JSON.parse(again.stdout)).toEqual(expect.objectContaining({ id: person.id, username, role: 'admin' }));
      expect(again.stderr).toContain(`company user "${username}" already exists`);

      const bad = cli([
        'company-user:create',
        '--username',
        uniqueUsername(),
        ...args.slice(0, 2),
        '--role',
        'boss',
        '--company',
        company.id,
      ]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('--role');

      const disabled = cli(['company-user:disable', '--username', username]);
      expect(disabled.status).toBe(0);
      expect(JSON.parse(disabled.stdout)).toEqual(
        expect.objectContaining({ id: person.id, disabledAt: expect.any(String) }),
      );
      expectError(await get('/api/v1/company/session', session), 401, 'AUTH.SESSION_EXPIRED');
      expect(cli(['company-user:disable', '--username', uniqueUsername()]).status).toBe(1);
    });

    it('company:create-key takes a name', () => {
      const made = cli(['company:create-key', '--company', company.id, '--name', 'Night batch']);
      expect(made.status).toBe(0);
      expect(JSON.parse(made.stdout)).toEqual(expect.objectContaining({ companyId: company.id, name: 'Night batch' }));
    });
  });

  describe('the OpenAPI document', () => {
    it('describes the company endpoints under the tag company, with the cookie and their answers', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/docs-json' })).json();
      expect(spec.components.securitySchemes['company-session']).toEqual(
        expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'bg_company_session' }),
      );
      const expected: Record<string, Record<string, string[]>> = {
        '/api/v1/company/session': {
          post: ['200', '400', '401', '403', '429', '503'],
          get: ['200', '401'],
          delete: ['204'],
        },
        '/api/v1/company/users': { get: ['200', '401', '403'], post: ['201', '400', '401', '403', '409'] },
        '/api/v1/company/users/{id}/disable': { post: ['200', '401', '403', '404', '409'] },
        '/api/v1/company/users/{id}/enable': { post: ['200', '401', '403', '404'] },
        '/api/v1/company/api-keys': { get: ['200', '401', '403'], post: ['201', '400', '401', '403'] },
        '/api/v1/company/api-keys/{prefix}/revoke': { post: ['200', '401', '403', '404'] },
      };
      for (const [path, methods] of Object.entries(expected)) {
        expect(Object.keys(spec.paths[path]).sort()).toEqual(Object.keys(methods).sort());
        for (const [method, statuses] of Object.entries(methods)) {
          const operation = spec.paths[path][method];
          expect({ path, method, tags: operation.tags }).toEqual({ path, method, tags: ['company'] });
          expect({ path, method, statuses: Object.keys(operation.responses).sort() }).toEqual({
            path,
            method,
            statuses: [...statuses].sort(),
          });
        }
      }
      expect(spec.paths['/api/v1/company/users'].get.security).toEqual(
        expect.arrayContaining([{ 'company-session': [] }]),
      );
      expect(spec.paths['/api/v1/declarations'].get.security).toEqual(
        expect.arrayContaining([{ 'company-session': [] }, { company: [] }]),
      );
      expect(spec.components.schemas.ErrorResponseDto.properties.code.enum).toEqual(
        expect.arrayContaining(['AUTH.SESSION_MISSING', 'AUTH.SESSION_EXPIRED', 'AUTH.CSRF']),
      );
    });
  });

  describe('API keys, by an administrator', () => {
    let session: PortalSession;
    beforeAll(async () => {
      session = await signIn(t, admin.username);
    });

    it('makes a key that works, shows when it was last used, and revokes it', async () => {
      const created = await post('/api/v1/company/api-keys', session, { name: 'TMS production' });
      expect(created.statusCode).toBe(201);
      const key = created.json();
      expect(key).toEqual({
        apiKey: expect.stringMatching(/^bgk_/),
        prefix: key.apiKey.slice(4, 12),
        name: 'TMS production',
        createdAt: expect.any(String),
      });

      const listed = () => get('/api/v1/company/api-keys', session).then((r) => r.json());
      const find = async () => (await listed()).find((k: { prefix: string }) => k.prefix === key.prefix);
      expect(await find()).toEqual({
        prefix: key.prefix,
        name: 'TMS production',
        createdAt: key.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(JSON.stringify(await listed())).not.toContain(key.apiKey);
      // Keys made before names existed are called "default".
      expect((await listed()).map((k: { name: string }) => k.name)).toContain('default');

      const bearer = { authorization: `Bearer ${key.apiKey}` };
      expect((await t.request({ method: 'GET', url: '/api/v1/declarations', headers: bearer })).statusCode).toBe(200);
      expect((await find()).lastUsedAt).toEqual(expect.any(String));

      const revoked = await post(`/api/v1/company/api-keys/${key.prefix}/revoke`, session);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toEqual(expect.objectContaining({ prefix: key.prefix, revokedAt: expect.any(String) }));
      expectError(
        await t.request({ method: 'GET', url: '/api/v1/declarations', headers: bearer }),
        401,
        'AUTH.API_KEY_INVALID',
      );
      expectError(await post('/api/v1/company/api-keys/nosuchky/revoke', session), 404, 'API_KEY.NOT_FOUND');
    });

    it('refuses a key without a name, naming the field', async () => {
      const res = await post('/api/v1/company/api-keys', session, {});
      expect(expectError(res, 400, 'REQUEST.VALIDATION_FAILED').details).toEqual([
        { field: 'name', message: expect.any(String) },
      ]);
    });
  });
});

describe('rate limits of portal sign-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ APP_ROLE: 'api', RATE_LIMIT_COMPANY_PER_MIN: '6', HTTP_TRUST_PROXY: 'true' });
  });
  afterAll(async () => t.close());

  it("counts a person's requests against their company's budget, whoever and wherever they are", async () => {
    const company = await t.createCompany('Budget Co');
    const [admin, clerk] = [
      await createCompanyUser(t, company.id, 'admin'),
      await createCompanyUser(t, company.id, 'clerk'),
    ];
    const [first, second] = [await signIn(t, admin.username), await signIn(t, clerk.username)];
    const list = (session: PortalSession, from: string) =>
      t.request({
        method: 'GET',
        url: '/api/v1/declarations',
        headers: { ...portalHeaders(session), 'x-forwarded-for': from },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await list(first, `198.51.100.${i + 1}`)).statusCode);
      statuses.push((await list(second, `198.51.100.${i + 11}`)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expectError(await list(second, '198.51.100.99'), 429, 'RATE_LIMIT.EXCEEDED');

    // An invented cookie buys no share of it: it counts against its own address, then the guard refuses it.
    const forged = await t.request({
      method: 'GET',
      url: '/api/v1/declarations',
      headers: { cookie: `bg_company_session=${'B'.repeat(43)}`, 'x-forwarded-for': '198.51.100.200' },
    });
    expectError(forged, 401, 'AUTH.SESSION_EXPIRED');
  });
});
