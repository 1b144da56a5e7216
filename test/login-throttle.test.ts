import { randomBytes, randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { OfficersService } from '../src/modules/officers/officers.service.js';
import { LoginThrottle } from '../src/modules/officers/login-throttle.js';
import { RetentionPurge } from '../src/modules/retention/retention-purge.service.js';
import { COMPANY_PASSWORD, createCompanyUser } from './support/company-people.js';
import { expectError } from './support/errors.js';
import { startTestApp, type TestApp, type TestCompany, type TestResponse } from './support/test-app.js';

const PASSWORD = 'Cửa khẩu Hữu Nghị 2026!';
// 'correct horse battery' hashed by the earlier scrypt version of the service (N=2^15, r=8, p=1).
const SCRYPT_HASH = 'scrypt$32768$8$1$Ke1WwPnvJYvCdeOs8NwFVQ==$k04Km2YevRvEWE8cSUkYOsoK2rL3/zfTft+5Lqscc84=';

/** A client address of its own per call, so tests sharing the database never share an address's count. */
const freshAddress = (): string => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const uniqueName = (stem: string): string => `${stem}.${randomBytes(4).toString('hex')}`;

interface Client {
  address: string;
  cookie?: string;
}

type Kind = 'officer' | 'company';
const LOGIN_URL: Record<Kind, string> = { officer: '/api/v1/auth/login', company: '/api/v1/company/session' };
const DEVICE_COOKIE: Record<Kind, string> = { officer: 'bg_officer_device', company: 'bg_company_device' };

function attempt(t: TestApp, kind: Kind, client: Client, username: string, password: string): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: LOGIN_URL[kind],
    // HTTP_TRUST_PROXY is on in this suite: X-Forwarded-For is the client address.
    headers: { 'x-forwarded-for': client.address, ...(client.cookie ? { cookie: client.cookie } : {}) },
    payload: { username, password },
  });
}

/** The known-device cookie a successful login set, as a Cookie header to send back. */
function deviceCookieOf(kind: Kind, res: TestResponse): string {
  const match = new RegExp(`${DEVICE_COOKIE[kind]}=([^;,]+)`).exec(String(res.headers['set-cookie']));
  if (!match) throw new Error(`no device cookie in ${String(res.headers['set-cookie'])}`);
  return `${DEVICE_COOKIE[kind]}=${match[1]}`;
}

/**
 * Everything of an answer but what differs per request by design: the request id, the date, and the general rate
 * limiter's count and window of this client's requests (it counts requests, not usernames).
 */
function comparable(res: TestResponse): unknown {
  const { requestId, ...body } = res.json();
  const headers = Object.fromEntries(
    Object.entries(res.headers).filter(
      ([name]) => !['x-request-id', 'date', 'ratelimit-remaining', 'ratelimit-reset'].includes(name),
    ),
  );
  return { status: res.statusCode, body, headers, bodyLength: res.body.replace(requestId, '').length };
}

describe('login throttling (per address, per username, known devices)', () => {
  let t: TestApp;
  let company: TestCompany;
  const logLines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp(
      {
        HTTP_TRUST_PROXY: 'true',
        AUTH_LOGIN_ADDRESS_MAX_FAILURES: '20',
        AUTH_LOGIN_ADDRESS_WINDOW_SECONDS: '600',
        AUTH_LOGIN_MAX_FAILURES: '5',
        AUTH_LOGIN_LOCK_SECONDS: '300',
        LOG_LEVEL: 'info',
      },
      pino({ level: 'info' }, sink),
    );
    company = await t.createCompany();
  });
  afterAll(() => t.close());

  async function createOfficer(): Promise<string> {
    const username = uniqueName('officer');
    await t.app.get(OfficersService).create({ username, password: PASSWORD, agency: 'customs', gates: ['HUU_NGHI'] });
    return username;
  }

  async function createAccount(kind: Kind): Promise<{ username: string; password: string }> {
    if (kind === 'officer') return { username: await createOfficer(), password: PASSWORD };
    const person = await createCompanyUser(t, company.id, 'clerk', uniqueName('clerk'));
    return { username: person.username, password: COMPANY_PASSWORD };
  }

  it('stops one address spraying 60 usernames: 20 failures, then 429 with Retry-After for any username', async () => {
    const sprayer = { address: freshAddress() };
    const statuses: number[] = [];
    let last: TestResponse | undefined;
    for (let i = 0; i < 60; i += 1) {
      last = await attempt(t, i % 2 ? 'officer' : 'company', sprayer, uniqueName('guess'), 'Password123!');
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(40).fill(429));
    const body = expectError(last!, 429, 'AUTH.TOO_MANY_ATTEMPTS');
    const retryAfter = Number(last!.headers['retry-after']);
    expect(retryAfter).toBe(body.details.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);

    // Refused before any password check: even a real account's right password waits, from that address only.
    const { username, password } = await createAccount('officer');
    expect((await attempt(t, 'officer', sprayer, username, password)).statusCode).toBe(429);
    expect((await attempt(t, 'officer', { address: freshAddress() }, username, password)).statusCode).toBe(200);
  });

  for (const kind of ['officer', 'company'] as const) {
    describe(`${kind} sign-in`, () => {
      it('makes a username wait 2, 4, 8… seconds after 5 failures in a row, capped, without a hard lock', async () => {
        const { username } = await createAccount(kind);
        const attacker = { address: freshAddress() };
        for (let i = 0; i < 5; i += 1)
          expectError(await attempt(t, kind, attacker, username, `wrong ${i} password`), 401, 'AUTH.LOGIN_FAILED');

        const keys = LoginThrottle.keys(kind === 'officer' ? 'officer' : 'company_user', username, attacker.address);
        const waitAfterNextFailure = async (): Promise<string | undefined> => {
          // Let the current wait pass without sleeping through it.
          await t.sql.rows(`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE key = $1`, [
            keys.account,
          ]);
          expectError(await attempt(t, kind, attacker, username, 'wrong again!!'), 401, 'AUTH.LOGIN_FAILED');
          return (await attempt(t, kind, attacker, username, 'and again!!!!')).headers['retry-after'] as string;
        };

        const throttled = await attempt(t, kind, attacker, username, 'one more guess');
        expectError(throttled, 429, 'AUTH.TOO_MANY_ATTEMPTS');
        expect(throttled.headers['retry-after']).toBe('2');
        expect(await waitAfterNextFailure()).toBe('4');
        expect(await waitAfterNextFailure()).toBe('8');
        await t.sql.rows('UPDATE login_throttle SET failures = 40 WHERE key = $1', [keys.account]);
        expect(await waitAfterNextFailure()).toBe('300');
      });

      it('lets the real person in from a known browser while a stranger keeps the username waiting', async () => {
        const { username, password } = await createAccount(kind);
        const desk = { address: freshAddress() };
        const before = await attempt(t, kind, desk, username, password);
        expect(before.statusCode).toBe(200);
        const setCookie = String(before.headers['set-cookie']);
        expect(setCookie).toMatch(
          new RegExp(
            `${DEVICE_COOKIE[kind]}=[^;]+; Max-Age=7776000; Path=${LOGIN_URL[kind]}; HttpOnly; SameSite=Strict`,
          ),
        );
        expect(setCookie).not.toContain(username);
        const knownConsole = { ...desk, cookie: deviceCookieOf(kind, before) };

        const attacker = { address: freshAddress() };
        for (let i = 0; i < 5; i += 1) await attempt(t, kind, attacker, username, `spray ${i} password`);
        expectError(await attempt(t, kind, attacker, username, password), 429, 'AUTH.TOO_MANY_ATTEMPTS');

        // Another browser without the cookie waits too, even with the right password…
        expectError(
          await attempt(t, kind, { address: freshAddress() }, username, password),
          429,
          'AUTH.TOO_MANY_ATTEMPTS',
        );
        // …a cookie vouching for another username, or a forged one, does not help…
        const other = await createAccount(kind);
        const otherCookie = deviceCookieOf(kind, await attempt(t, kind, attacker, other.username, other.password));
        expect((await attempt(t, kind, { ...attacker, cookie: otherCookie }, username, password)).statusCode).toBe(429);
        const forged = `${DEVICE_COOKIE[kind]}=${Math.floor(Date.now() / 1000).toString(36)}-${'A'.repeat(22)}`;
        expect((await attempt(t, kind, { ...attacker, cookie: forged }, username, password)).statusCode).toBe(429);
        // …but the person at their usual browser gets in during the attack, and a wrong password there still fails.
        expectError(await attempt(t, kind, knownConsole, username, 'not my password'), 401, 'AUTH.LOGIN_FAILED');
        expect((await attempt(t, kind, knownConsole, username, password)).statusCode).toBe(200);
      });

      it('answers an unknown username exactly as a known one, before and while throttled', async () => {
        const known = await createAccount(kind);
        const unknown = uniqueName(kind === 'officer' ? 'officer' : 'clerk');
        const fromA = { address: freshAddress() };
        const fromB = { address: freshAddress() };

        const answers = async (password: string) => [
          comparable(await attempt(t, kind, fromA, known.username, password)),
          comparable(await attempt(t, kind, fromB, unknown, password)),
        ];
        for (let i = 0; i < 5; i += 1) {
          const [k, u] = await answers(`wrong ${i} password`);
          expect(u).toEqual(k);
        }
        const [k, u] = await answers(`wrong 5 password`);
        expect(k).toMatchObject({ status: 429 });
        expect(u).toEqual(k);
        // The right password of the known account changes nothing while it waits.
        expect(comparable(await attempt(t, kind, fromA, known.username, known.password))).toEqual(u);
      });
    });
  }

  it('answers a disabled officer as an unknown username', async () => {
    const disabled = await createOfficer();
    const officers = t.app.get(OfficersService);
    await officers.disable((await officers.findByUsername(disabled))!.id);
    const a = await attempt(t, 'officer', { address: freshAddress() }, disabled, PASSWORD);
    const b = await attempt(t, 'officer', { address: freshAddress() }, uniqueName('officer'), PASSWORD);
    expect(comparable(a)).toEqual(comparable(b));
  });

  it('re-hashes an earlier scrypt password to argon2id at the next successful login', async () => {
    const username = await createOfficer();
    await t.sql.rows('UPDATE officer SET password_hash = $2 WHERE username = $1', [username, SCRYPT_HASH]);
    const client = { address: freshAddress() };
    expect((await attempt(t, 'officer', client, username, 'correct horse battery')).statusCode).toBe(200);
    const row = await t.sql.one<{ password_hash: string }>('SELECT password_hash FROM officer WHERE username = $1', [
      username,
    ]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await attempt(t, 'officer', client, username, 'correct horse battery')).statusCode).toBe(200);
    expect((await attempt(t, 'officer', client, username, 'correct horse batterY')).statusCode).toBe(401);
  });

  it('logs each throttling event without the password, and without the username at info level', async () => {
    const { username } = await createAccount('officer');
    const attacker = { address: freshAddress() };
    const secretGuess = 'my-very-secret-guess-123';
    logLines.length = 0;
    for (let i = 0; i < 6; i += 1) await attempt(t, 'officer', attacker, username, secretGuess);
    const events = logLines.map((line) => JSON.parse(line)).filter((line) => line.event === 'login.refused');
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'failed', waiting: ['account'], kind: 'officer' }),
        expect.objectContaining({ reason: 'account waiting', retryAfterSeconds: 2, address: attacker.address }),
      ]),
    );
    const all = logLines.join('\n');
    expect(all).not.toContain(secretGuess);
    expect(all).not.toContain(username);
  });

  it('forgets throttle rows in the daily purge once they hold nothing back', async () => {
    const { username } = await createAccount('officer');
    const stale = { address: freshAddress() };
    const fresh = { address: freshAddress() };
    await attempt(t, 'officer', stale, uniqueName('gone'), 'wrong password!!');
    await attempt(t, 'officer', fresh, username, 'wrong password!!');
    const staleKey = LoginThrottle.keys('officer', 'x', stale.address).address;
    await t.sql.rows(`UPDATE login_throttle SET last_failure_at = now() - interval '2 days' WHERE key = $1`, [
      staleKey,
    ]);

    const purged = await t.app.get(RetentionPurge).purge();
    expect(purged.loginThrottles).toBeGreaterThanOrEqual(1);
    const left = await t.sql.rows<{ key: string }>('SELECT key FROM login_throttle WHERE key = ANY($1)', [
      [staleKey, LoginThrottle.keys('officer', username, fresh.address).account],
    ]);
    expect(left.map((row) => row.key)).toEqual([LoginThrottle.keys('officer', username, fresh.address).account]);
  });
});
