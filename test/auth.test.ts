import { randomBytes } from 'node:crypto';
import { OfficersService } from '../src/modules/officers/officers.service.js';
import { verifyPassword } from '../src/modules/officers/password.js';
import { LoginThrottle } from '../src/modules/officers/login-throttle.js';
import { CHECK_IN_AUDIENCE, OFFICER_AUDIENCE, signToken, TokenService } from '../src/modules/auth/token.service.js';
import type { Agency } from '../src/modules/officers/agency.js';
import { cli } from './support/processes.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const PASSWORD = 'Cửa khẩu Hữu Nghị 2026!';

interface Officer {
  id: string;
  username: string;
}

let seq = 0;
function uniqueUsername(): string {
  seq += 1;
  return `officer.${randomBytes(3).toString('hex')}-${seq}`;
}

async function createOfficer(t: TestApp, agency: Agency = 'customs', gates = ['HUU_NGHI']): Promise<Officer> {
  const username = uniqueUsername();
  const { id } = await t.app.get(OfficersService).create({ username, password: PASSWORD, agency, gates });
  return { id, username };
}

function login(t: TestApp, username: string, password: string): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: { username, password },
  });
}

function me(t: TestApp, authorization?: string): Promise<TestResponse> {
  return t.request({ method: 'GET', url: '/api/v1/auth/me', headers: authorization ? { authorization } : {} });
}

async function accessToken(t: TestApp, officer: Officer): Promise<string> {
  const res = await login(t, officer.username, PASSWORD);
  expect(res.statusCode).toBe(200);
  return res.json().accessToken as string;
}

/** The username's failed logins in a row, and whether it must wait before the next attempt. */
async function loginState(t: TestApp, officer: Officer): Promise<{ failures: number; waiting: boolean }> {
  const row = await t.sql.one<{ failures: number; waiting: boolean }>(
    'SELECT failures, coalesce(blocked_until > now(), false) AS waiting FROM login_throttle WHERE key = $1',
    [LoginThrottle.keys('officer', officer.username, '127.0.0.1').account],
  );
  return row ?? { failures: 0, waiting: false };
}

const withoutRequestId = (res: TestResponse): unknown => {
  const { requestId, ...rest } = res.json();
  expect(requestId).toEqual(expect.any(String));
  return rest;
};

describe('officer authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('exchanges the right password for a bearer token that verifies as an officer token', async () => {
      const officer = await createOfficer(t, 'border_guard', ['TAN_THANH', 'HUU_NGHI']);
      const res = await login(t, officer.username, PASSWORD);

      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
      const claims = await t.app.get(TokenService).verify(OFFICER_AUDIENCE, res.json().accessToken);
      expect(claims).toEqual({
        sub: officer.id,
        agency: 'border_guard',
        gates: ['HUU_NGHI', 'TAN_THANH'],
        ver: 1,
        iss: 'border-gate',
        aud: 'border-gate/officer',
        iat: expect.any(Number),
        exp: claims.iat + 900,
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(5);
    });

    it('takes the username in any case', async () => {
      const officer = await createOfficer(t);
      expect((await login(t, officer.username.toUpperCase(), PASSWORD)).statusCode).toBe(200);
    });

    it('answers a wrong password, an unknown username and a disabled account with the same 401', async () => {
      const officer = await createOfficer(t);
      const disabled = await createOfficer(t);
      await t.app.get(OfficersService).disable(disabled.id);

      const wrong = await login(t, officer.username, `${PASSWORD}x`);
      const unknown = await login(t, uniqueUsername(), PASSWORD);
      const off = await login(t, disabled.username, PASSWORD);

      const expected = { statusCode: 401, code: 'AUTH.LOGIN_FAILED', message: 'Username or password is incorrect' };
      for (const res of [wrong, unknown, off]) {
        expect(res.statusCode).toBe(401);
        expect(withoutRequestId(res)).toEqual(expected);
        expect(res.headers['retry-after']).toBeUndefined();
      }
      expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(wrong.json()).sort());
    });

    it('spends about as long on an unknown username as on a wrong password', async () => {
      const officer = await createOfficer(t);
      const timed = async (username: string): Promise<number> => {
        const start = performance.now();
        expect((await login(t, username, 'not the password at all')).statusCode).toBe(401);
        return performance.now() - start;
      };
      await timed(uniqueUsername()); // warm up
      const unknown = Math.min(await timed(uniqueUsername()), await timed(uniqueUsername()));
      // Two failures only, so the username stays below the waiting threshold.
      const known = Math.min(await timed(officer.username), await timed(officer.username));
      expect(unknown).toBeGreaterThan(known / 3);
    });

    it('refuses a malformed body with 400 and counts nothing', async () => {
      const officer = await createOfficer(t);
      const missing = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: { username: officer.username },
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().code).toBe('REQUEST.VALIDATION_FAILED');
      expect(missing.json().details).toEqual([{ field: 'password', message: expect.any(String) }]);
      const tooLong = await login(t, officer.username, 'x'.repeat(129));
      expect(tooLong.statusCode).toBe(400);
      const extra = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: { username: officer.username, password: PASSWORD, agency: 'supervisor' },
      });
      expect(extra.statusCode).toBe(400);
      expect(await loginState(t, officer)).toEqual({ failures: 0, waiting: false });
    });

    it('resets the failure count on a successful login', async () => {
      const officer = await createOfficer(t);
      for (let i = 0; i < 3; i += 1) expect((await login(t, officer.username, 'wrong password!')).statusCode).toBe(401);
      expect(await loginState(t, officer)).toEqual({ failures: 3, waiting: false });
      expect((await login(t, officer.username, PASSWORD)).statusCode).toBe(200);
      expect(await loginState(t, officer)).toEqual({ failures: 0, waiting: false });
    });

    it('makes the username wait after 5 failures in a row: 429 with Retry-After, even with the right password', async () => {
      const officer = await createOfficer(t);
      for (let i = 0; i < 5; i += 1) {
        const res = await login(t, officer.username, `wrong password ${i}`);
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('AUTH.LOGIN_FAILED');
      }
      expect(await loginState(t, officer)).toEqual({ failures: 5, waiting: true });

      // This browser never signed in as the officer, so it waits like any other stranger.
      for (const password of [PASSWORD, 'wrong password again']) {
        const res = await login(t, officer.username, password);
        expect(res.statusCode).toBe(429);
        expect(res.json()).toMatchObject({
          statusCode: 429,
          code: 'AUTH.TOO_MANY_ATTEMPTS',
          details: { retryAfterSeconds: expect.any(Number) },
        });
        const retryAfter = Number(res.headers['retry-after']);
        expect(retryAfter).toBe(res.json().details.retryAfterSeconds);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(2);
      }
      // Attempts while waiting are not counted.
      expect(await loginState(t, officer)).toEqual({ failures: 5, waiting: true });
    });

    it('lets nobody in through 20 concurrent guesses, and counts exactly the failures it answered', async () => {
      const officer = await createOfficer(t);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(t, officer.username, `concurrent wrong ${i}`)),
      );
      const statuses = answers.map((res) => res.statusCode);
      // 401: checked and wrong; 429: the username was already waiting; 503: password checks were saturated.
      expect(statuses.filter((s) => ![401, 429, 503].includes(s))).toEqual([]);
      const failures = statuses.filter((s) => s === 401).length;
      expect(failures).toBeGreaterThanOrEqual(2);
      expect(await loginState(t, officer)).toEqual({ failures, waiting: failures >= 5 });
    });

    it('keeps the wait when failures come from different API processes', async () => {
      const other = await startTestApp({ APP_ROLE: 'api' });
      try {
        const officer = await createOfficer(t);
        for (let i = 0; i < 5; i += 1) {
          const app = i % 2 === 0 ? t : other;
          expect((await login(app, officer.username, 'wrong password!')).statusCode).toBe(401);
        }
        expect((await login(other, officer.username, PASSWORD)).statusCode).toBe(429);
        expect((await login(t, officer.username, PASSWORD)).statusCode).toBe(429);
      } finally {
        await other.close();
      }
    });
  });

  describe('when the wait ends', () => {
    let short: TestApp;

    beforeAll(async () => {
      short = await startTestApp({ AUTH_LOGIN_LOCK_SECONDS: '1', AUTH_LOGIN_MAX_FAILURES: '3' });
    });
    afterAll(() => short.close());

    it('takes the right password again and resets the counter', async () => {
      const officer = await createOfficer(short);
      for (let i = 0; i < 3; i += 1)
        expect((await login(short, officer.username, 'wrong password!')).statusCode).toBe(401);
      const locked = await login(short, officer.username, PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['retry-after']).toBe('1');

      await new Promise((resolve) => setTimeout(resolve, 1100));
      const res = await login(short, officer.username, PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(await loginState(short, officer)).toEqual({ failures: 0, waiting: false });
    });

    it('waits again at the next failure when no success came in between', async () => {
      const officer = await createOfficer(short);
      for (let i = 0; i < 3; i += 1) await login(short, officer.username, 'wrong password!');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await login(short, officer.username, 'wrong password!')).statusCode).toBe(401);
      expect(await loginState(short, officer)).toEqual({ failures: 4, waiting: true });
      expect((await login(short, officer.username, PASSWORD)).statusCode).toBe(429);
    });
  });

  describe('OfficerAuthGuard (GET /api/v1/auth/me)', () => {
    it('returns the officer behind a valid token', async () => {
      const officer = await createOfficer(t, 'quarantine', ['TAN_THANH']);
      const res = await me(t, `Bearer ${await accessToken(t, officer)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: officer.id,
        username: officer.username,
        agency: 'quarantine',
        gates: ['TAN_THANH'],
      });
    });

    it('asks for an officer token when none is sent', async () => {
      const res = await me(t);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'AUTH.TOKEN_MISSING',
        message: expect.stringContaining('officer access token'),
      });
    });

    it('refuses tampered, foreign, expired and malformed tokens with 401 AUTH.TOKEN_INVALID', async () => {
      const customs = await createOfficer(t, 'customs');
      const token = await accessToken(t, customs);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const elevated = Buffer.from(JSON.stringify({ ...claims, agency: 'supervisor' })).toString('base64url');
      const secret = t.config.auth.tokenSecret;
      const now = Math.floor(Date.now() / 1000);
      const officerToken = (options: { issuer?: string; audience?: string; now?: number; secret?: string }) =>
        signToken({ sub: customs.id }, options.secret ?? secret, {
          issuer: options.issuer ?? 'border-gate',
          audience: options.audience ?? OFFICER_AUDIENCE,
          ttlSeconds: 900,
          now: options.now,
        });
      const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
      const alg = (name: string) => Buffer.from(JSON.stringify({ alg: name, kid, typ: 'JWT' })).toString('base64url');

      const refused = [
        `Bearer ${header}.${elevated}.${signature}`,
        `Bearer ${header}.${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
        `Bearer ${alg('none')}.${payload}.`,
        `Bearer ${alg('HS512')}.${payload}.${signature}`,
        `Bearer ${await officerToken({ now: now - 3600 })}`,
        `Bearer ${await officerToken({ audience: CHECK_IN_AUDIENCE })}`,
        `Bearer ${await officerToken({ issuer: 'elsewhere' })}`,
        `Bearer ${await officerToken({ secret: 'a different secret that is long enough!!' })}`,
        `Bearer ${await signToken({ sub: 'not-a-uuid' }, secret, { issuer: 'border-gate', audience: OFFICER_AUDIENCE, ttlSeconds: 60 })}`,
        `Bearer ${token}.`,
        `Basic ${Buffer.from('user:pass').toString('base64')}`,
        'Bearer',
        `Bearer ${token} ${token}`,
      ];
      for (const authorization of refused) {
        const res = await me(t, authorization);
        expect({ authorization, status: res.statusCode, code: res.json().code }).toEqual({
          authorization,
          status: 401,
          code: 'AUTH.TOKEN_INVALID',
        });
      }
      expect((await me(t, `Bearer ${await officerToken({ now: now - 3600 })}`)).json().message).toBe(
        'The token has expired; log in again with POST /api/v1/auth/login',
      );
      expect((await me(t, `bearer ${token}`)).statusCode).toBe(200);
    });

    it("keeps officers logged in across a key rotation, and drops the old key's tokens once it is removed", async () => {
      const officer = await createOfficer(t, 'customs');
      const beforeRotation = await accessToken(t, officer);
      const newSecret = randomBytes(32).toString('base64url');
      const rotated = await startTestApp({
        APP_ROLE: 'api',
        AUTH_TOKEN_SECRET: newSecret,
        AUTH_TOKEN_PREVIOUS_SECRET: t.config.auth.tokenSecret,
      });
      let afterRotation: string;
      try {
        expect((await me(rotated, `Bearer ${beforeRotation}`)).json()).toMatchObject({ id: officer.id });
        afterRotation = await accessToken(rotated, officer);
        expect((await me(rotated, `Bearer ${afterRotation}`)).statusCode).toBe(200);
        // A process not yet restarted (old key only) refuses the new key's tokens: roll out the new key as
        // previous first, as docs/operations.md says.
        expect((await me(t, `Bearer ${afterRotation}`)).statusCode).toBe(401);
      } finally {
        await rotated.close();
      }
      const retired = await startTestApp({ APP_ROLE: 'api', AUTH_TOKEN_SECRET: newSecret });
      try {
        const res = await me(retired, `Bearer ${beforeRotation}`);
        expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 401, code: 'AUTH.TOKEN_INVALID' });
        expect((await me(retired, `Bearer ${afterRotation}`)).statusCode).toBe(200);
      } finally {
        await retired.close();
      }
    });

    it('refuses a company API key with 403 AUTH.WRONG_PRINCIPAL', async () => {
      const company = await t.createCompany();
      const res = await me(t, `Bearer ${company.apiKey}`);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'AUTH.WRONG_PRINCIPAL',
        message: expect.stringMatching(/^Company API keys cannot act as officers: .*POST \/api\/v1\/auth\/login/),
      });
    });

    it('stops honouring a token as soon as the officer is disabled', async () => {
      const officer = await createOfficer(t);
      const token = await accessToken(t, officer);
      expect((await me(t, `Bearer ${token}`)).statusCode).toBe(200);
      expect(await t.app.get(OfficersService).disable(officer.id)).toBe(true);
      const res = await me(t, `Bearer ${token}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH.TOKEN_INVALID');
    });

    it('sees a new posting at once, not the one in the token', async () => {
      const officer = await createOfficer(t, 'yard', ['HUU_NGHI']);
      const token = await accessToken(t, officer);
      await t.sql.rows(`UPDATE officer SET gates = '{TAN_THANH}' WHERE id = $1`, [officer.id]);
      expect((await me(t, `Bearer ${token}`)).json().gates).toEqual(['TAN_THANH']);
    });
  });

  describe('OfficersService.create', () => {
    it('stores a lower-cased username, an argon2id hash and the gates in order without duplicates', async () => {
      const username = uniqueUsername().toUpperCase();
      const { id } = await t.app.get(OfficersService).create({
        username,
        password: PASSWORD,
        agency: 'supervisor',
        gates: ['TAN_THANH', 'HUU_NGHI', 'TAN_THANH'],
      });
      const row = await t.sql.one<{ username: string; password_hash: string; agency: string; gates: string[] }>(
        'SELECT username, password_hash, agency, gates FROM officer WHERE id = $1',
        [id],
      );
      expect(row).toMatchObject({
        username: username.toLowerCase(),
        agency: 'supervisor',
        gates: ['HUU_NGHI', 'TAN_THANH'],
      });
      expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row!.password_hash).not.toContain(PASSWORD);
      await expect(verifyPassword(PASSWORD, row!.password_hash)).resolves.toBe(true);
    });

    it('names the field it refuses', async () => {
      const officers = t.app.get(OfficersService);
      const valid = { username: uniqueUsername(), password: PASSWORD, agency: 'customs', gates: ['HUU_NGHI'] };
      const cases: [Partial<typeof valid>, string][] = [
        [{ username: 'ab' }, 'username'],
        [{ username: 'nguyễn.văn.an' }, 'username'],
        [{ username: 'a b c' }, 'username'],
        [{ password: 'too short' }, 'password'],
        [{ password: 'x'.repeat(129) }, 'password'],
        [{ agency: 'police' }, 'agency'],
        [{ gates: [] }, 'gates'],
        [{ gates: ['HUU_NGHI', 'MONG_CAI'] }, 'gates'],
      ];
      for (const [change, field] of cases) {
        await expect(officers.create({ ...valid, ...change })).rejects.toMatchObject({
          code: 'REQUEST.VALIDATION_FAILED',
          details: [{ field, problem: expect.objectContaining({ key: expect.any(String) }) }],
        });
      }
    });

    it('refuses a username already taken, whatever its case', async () => {
      const officer = await createOfficer(t);
      await expect(
        t.app.get(OfficersService).create({
          username: officer.username.toUpperCase(),
          password: PASSWORD,
          agency: 'yard',
          gates: ['HUU_NGHI'],
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT.DUPLICATE' });
    });
  });

  describe('npm run cli -- officer:create', () => {
    it('creates an officer who can log in, and prints only the id', async () => {
      const username = uniqueUsername();
      const created = cli([
        'officer:create',
        '--username',
        username,
        '--password',
        PASSWORD,
        '--agency',
        'border_guard',
        '--gates',
        'HUU_NGHI, TAN_THANH',
      ]);
      expect(created.status).toBe(0);
      const lines = created.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(created.stdout + created.stderr).not.toContain(PASSWORD);

      const res = await login(t, username, PASSWORD);
      expect(res.statusCode).toBe(200);
      const profile = await me(t, `Bearer ${res.json().accessToken}`);
      expect(profile.json()).toMatchObject({
        id: JSON.parse(lines[0]).id,
        agency: 'border_guard',
        gates: ['HUU_NGHI', 'TAN_THANH'],
      });
    });

    it('refuses bad input with the field named, never echoing the password', () => {
      const base = ['officer:create', '--username', uniqueUsername(), '--password', PASSWORD, '--gates', 'HUU_NGHI'];
      const bad = cli([...base, '--agency', 'police']);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain('--agency: must be one of');
      expect(bad.stderr).toContain('(REQUEST.VALIDATION_FAILED)');
      expect(bad.stderr).not.toContain(PASSWORD);

      const weak = cli([
        'officer:create',
        '--username',
        uniqueUsername(),
        '--password',
        'hunter2',
        '--agency',
        'yard',
        '--gates',
        'HUU_NGHI',
      ]);
      expect(weak.status).toBe(1);
      expect(weak.stderr).toContain('password');
      expect(weak.stderr).not.toContain('hunter2');

      const missing = cli([
        'officer:create',
        '--username',
        uniqueUsername(),
        '--password',
        PASSWORD,
        '--agency',
        'yard',
      ]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('--gates is required');
    });

    it('answers a duplicate username with exit 3 and the existing officer, changing nothing', async () => {
      const officer = await createOfficer(t);
      const duplicate = cli([
        'officer:create',
        '--username',
        officer.username,
        '--password',
        PASSWORD,
        '--agency',
        'yard',
        '--gates',
        'HUU_NGHI',
      ]);
      expect(duplicate.status).toBe(3);
      expect(JSON.parse(duplicate.stdout)).toMatchObject({ id: officer.id, username: officer.username });
      expect(duplicate.stderr).toContain('already exists');
      expect(duplicate.stdout + duplicate.stderr).not.toContain(PASSWORD);
    });
  });
});
