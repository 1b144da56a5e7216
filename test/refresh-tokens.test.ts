import { randomBytes } from 'node:crypto';
import { OfficerAdministrationService } from '../src/modules/officers/officer-administration.service.js';
import { OfficersService } from '../src/modules/officers/officers.service.js';
import { OFFICER_AUDIENCE, TokenService } from '../src/modules/auth/token.service.js';
import { setCookieNamed, startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const PASSWORD = 'Ca trực đêm ở Hữu Nghị 2026!';

async function createOfficer(t: TestApp): Promise<{ id: string; username: string }> {
  const username = `refresh.${randomBytes(4).toString('hex')}`;
  const { id } = await t.app
    .get(OfficersService)
    .create({ username, password: PASSWORD, agency: 'customs', gates: ['HUU_NGHI'] });
  return { id, username };
}

const setCookie = (res: TestResponse): string => setCookieNamed(res, 'bg_officer_refresh');
/** The refresh token the answer set (empty when it cleared the cookie). */
const refreshTokenOf = (res: TestResponse): string => /^bg_officer_refresh=([^;]*)/.exec(setCookie(res))?.[1] ?? '';

function login(t: TestApp, username: string): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: { username, password: PASSWORD },
  });
}

function refresh(t: TestApp, token: string | null, headers: Record<string, string> = {}): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: { ...(token ? { cookie: `bg_officer_refresh=${token}` } : {}), ...headers },
  });
}

function logout(t: TestApp, token: string): Promise<TestResponse> {
  return t.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `bg_officer_refresh=${token}` } });
}

async function signedIn(t: TestApp): Promise<{ id: string; refreshToken: string }> {
  const officer = await createOfficer(t);
  const res = await login(t, officer.username);
  expect(res.statusCode).toBe(200);
  return { id: officer.id, refreshToken: refreshTokenOf(res) };
}

describe('officer refresh tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sets the refresh token on login as an HttpOnly, SameSite=Strict browser-session cookie for the auth path only, storing only its hash', async () => {
    const officer = await createOfficer(t);
    const res = await login(t, officer.username);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(setCookie(res)).toMatch(
      /^bg_officer_refresh=bgr_[A-Za-z0-9_-]{43}; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict$/,
    );
    const token = refreshTokenOf(res);
    const stored = await t.sql.rows<{ token_hash: string }>(
      'SELECT token_hash FROM officer_refresh_token WHERE officer_id = $1',
      [officer.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(token.slice(4));
  });

  it('exchanges the cookie for a fresh access token and a new refresh token, once', async () => {
    const { id, refreshToken } = await signedIn(t);
    const res = await refresh(t, refreshToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect((await t.app.get(TokenService).verify(OFFICER_AUDIENCE, res.json().accessToken)).sub).toBe(id);
    const next = refreshTokenOf(res);
    expect(next).toMatch(/^bgr_/);
    expect(next).not.toBe(refreshToken);

    const again = await refresh(t, next);
    expect(again.statusCode).toBe(200);
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${again.json().accessToken}` },
    });
    expect(me.json().id).toBe(id);
  });

  it('takes a used refresh token presented again as theft: 401, and the whole sign-in ends', async () => {
    const { refreshToken: first } = await signedIn(t);
    const second = refreshTokenOf(await refresh(t, first));

    const replay = await refresh(t, first);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH.SESSION_EXPIRED');
    expect(setCookie(replay)).toMatch(/^bg_officer_refresh=; Max-Age=0;/);
    // The legitimate holder's newer token is ended too: whoever holds the copy gets nothing more.
    expect((await refresh(t, second)).statusCode).toBe(401);
  });

  it('lets exactly one of many simultaneous uses of one refresh token win', async () => {
    const { refreshToken } = await signedIn(t);
    const answers = await Promise.all(Array.from({ length: 8 }, () => refresh(t, refreshToken)));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(7);
  });

  it('signs out: logout revokes the sign-in and clears the cookie', async () => {
    const { refreshToken } = await signedIn(t);
    const current = refreshTokenOf(await refresh(t, refreshToken));
    const out = await logout(t, current);
    expect(out.statusCode).toBe(204);
    expect(setCookie(out)).toMatch(/^bg_officer_refresh=; Max-Age=0; Path=\/api\/v1\/auth;/);
    expect((await refresh(t, current)).statusCode).toBe(401);
    expect((await logout(t, current)).statusCode).toBe(204);
  });

  it('ends sign-ins when the account is disabled or its password reset, in the same transaction', async () => {
    const admin = t.app.get(OfficerAdministrationService);
    const disabled = await signedIn(t);
    await admin.disable('operator', disabled.id);
    const revoked = await t.sql.one<{ open: number }>(
      'SELECT count(*)::int AS open FROM officer_refresh_token WHERE officer_id = $1 AND revoked_at IS NULL',
      [disabled.id],
    );
    expect(revoked).toEqual({ open: 0 });
    expect((await refresh(t, disabled.refreshToken)).statusCode).toBe(401);

    const reset = await signedIn(t);
    await admin.resetPassword('operator', reset.id, 'Một mật khẩu mới thật dài 2026');
    expect((await refresh(t, reset.refreshToken)).statusCode).toBe(401);
  });

  it('ends a refresh token unused for AUTH_REFRESH_IDLE_SECONDS, and a sign-in older than AUTH_REFRESH_MAX_SECONDS', async () => {
    const idle = await signedIn(t);
    await t.sql.rows(
      "UPDATE officer_refresh_token SET idle_expires_at = now() - interval '1 second' WHERE officer_id = $1",
      [idle.id],
    );
    expect((await refresh(t, idle.refreshToken)).statusCode).toBe(401);

    const old = await signedIn(t);
    const next = refreshTokenOf(await refresh(t, old.refreshToken));
    await t.sql.rows(
      "UPDATE officer_refresh_token SET expires_at = now() - interval '1 second' WHERE officer_id = $1",
      [old.id],
    );
    expect((await refresh(t, next)).statusCode).toBe(401);
  });

  it('keeps the absolute end of a sign-in through rotations', async () => {
    const { id, refreshToken } = await signedIn(t);
    await refresh(t, refreshTokenOf(await refresh(t, refreshToken)));
    const ends = await t.sql.rows<{ expires_at: Date }>(
      'SELECT DISTINCT expires_at FROM officer_refresh_token WHERE officer_id = $1',
      [id],
    );
    expect(ends).toHaveLength(1);
  });

  it('refuses a refresh without the cookie (401 AUTH.SESSION_MISSING), with a malformed one, or from another site (403)', async () => {
    const missing = await refresh(t, null);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('AUTH.SESSION_MISSING');
    expect((await refresh(t, 'not-a-token')).statusCode).toBe(401);

    const { refreshToken } = await signedIn(t);
    const crossSite = await refresh(t, refreshToken, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('AUTH.CSRF');
    // Refused before it was spent: the officer's token still works.
    expect((await refresh(t, refreshToken)).statusCode).toBe(200);
  });
});
