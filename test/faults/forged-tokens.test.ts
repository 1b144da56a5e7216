import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PUBLISHED_SECRETS } from '../../src/config/secrets.js';
import {
  CHECK_IN_AUDIENCE,
  OFFICER_AUDIENCE,
  signToken,
  TOKEN_ISSUER,
  tokenKey,
} from '../../src/modules/auth/token.service.js';
import { OfficerAdministrationService } from '../../src/modules/officers/officer-administration.service.js';
import { OfficersService } from '../../src/modules/officers/officers.service.js';
import { baseEnv, freePort } from '../support/processes.js';
import { setCookieNamed, startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

const PUBLISHED = PUBLISHED_SECRETS[0];
const PASSWORD = 'Giám sát cửa khẩu Hữu Nghị 2026!';
const THREE_YEARS = 3 * 365 * 86_400;
const MAIN = resolve('dist/src/main.js');

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Starts the built service with `env`, expecting it to refuse: its exit status and what it wrote. */
function refusedStart(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, [MAIN], { env: baseEnv(env), encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('forged-token drills', () => {
  let t: TestApp;
  let supervisor: { id: string; username: string };

  beforeAll(async () => {
    t = await startTestApp();
    const username = `drill.${randomBytes(4).toString('hex')}`;
    const { id } = await t.app
      .get(OfficersService)
      .create({ username, password: PASSWORD, agency: 'supervisor', gates: ['HUU_NGHI'] });
    supervisor = { id, username };
  });
  afterAll(() => t.close());

  const supervisorClaims = () => ({ sub: supervisor.id, agency: 'supervisor', gates: ['HUU_NGHI'], ver: 1 });

  function closeGate(token: string): Promise<TestResponse> {
    return t.request({
      method: 'POST',
      url: '/api/v1/gates/HUU_NGHI/close',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomBytes(8).toString('hex') },
      payload: { reason: 'drill: this must never close the gate' },
    });
  }

  function me(token: string): Promise<TestResponse> {
    return t.request({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
  }

  const signed = (secret: string, ttlSeconds: number, audience = OFFICER_AUDIENCE) =>
    signToken(supervisorClaims(), secret, { issuer: TOKEN_ISSUER, audience, ttlSeconds });

  it('control: a supervisor token the service itself would issue is accepted', async () => {
    expect((await me(await signed(t.config.auth.tokenSecret, 900))).statusCode).toBe(200);
  });

  it('refuses a three-year supervisor token signed with the published example secret (401), gate untouched', async () => {
    const forged = await signed(PUBLISHED, THREE_YEARS);
    const res = await closeGate(forged);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH.TOKEN_INVALID');
  });

  it("refuses a token living longer than AUTH_TOKEN_TTL_SECONDS, even signed with the service's own key", async () => {
    const res = await closeGate(await signed(t.config.auth.tokenSecret, THREE_YEARS));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses alg "none" and an RS256 header naming our key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = b64({
      ...supervisorClaims(),
      iss: TOKEN_ISSUER,
      aud: OFFICER_AUDIENCE,
      iat: now,
      exp: now + 600,
      jti: 'x',
    });
    const kid = tokenKey(t.config.auth.tokenSecret).id;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const noneWithKid = `${b64({ alg: 'none', kid, typ: 'JWT' })}.${payload}.AAAA`;
    const rs256 = `${b64({ alg: 'RS256', kid, typ: 'JWT' })}.${payload}.${randomBytes(256).toString('base64url')}`;
    for (const token of [none, noneWithKid, rs256]) {
      const res = await closeGate(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH.TOKEN_INVALID');
    }
  });

  it('refuses a QR check-in token used as an officer token (wrong audience)', async () => {
    const checkIn = await signToken({ sub: supervisor.id, gate: 'HUU_NGHI', ver: 1 }, t.config.auth.tokenSecret, {
      issuer: TOKEN_ISSUER,
      audience: CHECK_IN_AUDIENCE,
      ttlSeconds: 600,
    });
    expect((await closeGate(checkIn)).statusCode).toBe(401);
  });

  it('refuses the token of an officer who has since been disabled', async () => {
    const username = `drill.off.${randomBytes(4).toString('hex')}`;
    const { id } = await t.app
      .get(OfficersService)
      .create({ username, password: PASSWORD, agency: 'supervisor', gates: ['HUU_NGHI'] });
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username, password: PASSWORD },
    });
    const token = login.json().accessToken as string;
    expect((await me(token)).statusCode).toBe(200);
    await t.app.get(OfficerAdministrationService).disable('operator', id);
    expect((await closeGate(token)).statusCode).toBe(401);
  });

  it('ends the whole sign-in when a used refresh token comes back', async () => {
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username: supervisor.username, password: PASSWORD },
    });
    const cookieOf = (res: TestResponse) => setCookieNamed(res, 'bg_officer_refresh').split(';')[0];
    const stolen = cookieOf(login);
    const refresh = (cookie: string) => t.request({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie } });
    const officersNext = await refresh(stolen);
    expect(officersNext.statusCode).toBe(200);
    expect((await refresh(stolen)).statusCode).toBe(401); // the thief replays the copy
    expect((await refresh(cookieOf(officersNext))).statusCode).toBe(401); // and the family is gone
  });

  describe('a service that cannot keep tokens secret does not start', () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      [
        'production, no secret',
        { NODE_ENV: 'production', AUTH_TOKEN_SECRET: '' },
        /AUTH_TOKEN_SECRET must be set in production/,
      ],
      [
        'production, the published example',
        { NODE_ENV: 'production', AUTH_TOKEN_SECRET: PUBLISHED },
        /AUTH_TOKEN_SECRET is the published example value/,
      ],
      [
        'production, a long but patterned secret',
        { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'ab'.repeat(24) },
        /AUTH_TOKEN_SECRET is too weak/,
      ],
      [
        'development, the published example',
        { AUTH_TOKEN_SECRET: PUBLISHED },
        /AUTH_TOKEN_SECRET is the published example value/,
      ],
      [
        'production, a weak previous secret',
        {
          NODE_ENV: 'production',
          AUTH_TOKEN_SECRET: randomBytes(48).toString('base64'),
          AUTH_TOKEN_PREVIOUS_SECRET: 'x'.repeat(40),
        },
        /AUTH_TOKEN_PREVIOUS_SECRET is too weak/,
      ],
    ];
    it.each(cases)('%s: exit 78 with one line naming the setting and how to make one', (_name, env, message) => {
      const { status, stderr } = refusedStart(env);
      expect(status).toBe(78);
      expect(stderr).toMatch(message);
      expect(stderr).toContain('openssl rand -base64 48');
      expect(stderr).not.toMatch(/^\s+at /m);
      if (env.AUTH_TOKEN_SECRET) expect(stderr).not.toContain(env.AUTH_TOKEN_SECRET);
    });
  });

  it('outside production with no secret, starts on a per-checkout secret it makes once, says so, and never prints it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-dev-checkout-'));
    let child: ChildProcess | undefined;
    try {
      const port = await freePort();
      child = spawn(process.execPath, [MAIN], {
        cwd: dir,
        env: baseEnv({
          AUTH_TOKEN_SECRET: '',
          APP_ROLE: 'api',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      for (let i = 0; !output.includes('listening on'); i += 1) {
        if (child.exitCode !== null || i === 300) throw new Error(`did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const file = join(dir, '.secrets/dev.env');
      const secret = /^AUTH_TOKEN_SECRET=(\S+)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      expect(secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(output).toContain(
        'AUTH_TOKEN_SECRET is not set: using the development secret just generated in .secrets/dev.env',
      );
      expect(output).not.toContain(secret);
      // A token made with that secret is honoured: the process really runs on it.
      const token = await signed(secret, 900);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
    } finally {
      child?.kill('SIGTERM');
      if (child && child.exitCode === null) await new Promise((r) => child?.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
