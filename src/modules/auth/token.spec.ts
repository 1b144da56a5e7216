import { createHmac } from 'node:crypto';
import { loadConfig } from '../../config/app-config.js';
import {
  CHECK_IN_AUDIENCE,
  OFFICER_AUDIENCE,
  signToken,
  TOKEN_ISSUER,
  TokenError,
  TokenService,
  verifyToken,
} from './token.js';

const SECRET = 'unit-test-secret-of-at-least-32-characters!!';
const OTHER_SECRET = 'another-secret-of-at-least-32-characters!!!';
const NOW = 1_800_000_000;
const signOptions = { issuer: TOKEN_ISSUER, audience: OFFICER_AUDIENCE, ttlSeconds: 900, now: NOW };
const verifyOptions = { issuer: TOKEN_ISSUER, audience: OFFICER_AUDIENCE, now: NOW + 60 };

const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret = SECRET): string =>
  createHmac('sha256', secret).update(input).digest('base64url');
const decode = (segment: string): any => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

function officerToken(claims: Record<string, unknown> = {}): string {
  return signToken({ sub: 'officer-1', agency: 'customs', gates: ['HUU_NGHI'], ...claims }, SECRET, signOptions);
}

/** A token whose header and payload are chosen freely and correctly signed with SECRET. */
function forge(header: unknown, payload: unknown, secret = SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${hs256(input, secret)}`;
}

const validPayload = () => ({
  sub: 'officer-1',
  iss: TOKEN_ISSUER,
  aud: OFFICER_AUDIENCE,
  iat: NOW,
  exp: NOW + 900,
  jti: 'j-1',
});

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe('AUTH.TOKEN_INVALID');
    expect((error as TokenError).status).toBe(401);
    return (error as TokenError).reason;
  }
  throw new Error('expected the token to be refused');
}

describe('signToken / verifyToken (HS256)', () => {
  it('round-trips the claims with issuer, audience, times and a unique jti', () => {
    const token = officerToken();
    const claims = verifyToken(token, SECRET, verifyOptions);
    expect(claims).toEqual({
      sub: 'officer-1',
      agency: 'customs',
      gates: ['HUU_NGHI'],
      iss: 'border-gate',
      aud: 'border-gate/officer',
      iat: NOW,
      exp: NOW + 900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(verifyToken(officerToken(), SECRET, verifyOptions).jti).not.toBe(claims.jti);
  });

  it('writes exactly the pinned header', () => {
    const [header] = officerToken().split('.');
    expect(Buffer.from(header, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}');
  });

  it('accepts a token forged only with the right secret and a well-formed payload', () => {
    expect(verifyToken(forge({ alg: 'HS256', typ: 'JWT' }, validPayload()), SECRET, verifyOptions).sub).toBe(
      'officer-1',
    );
  });

  it('refuses a tampered payload', () => {
    const [header, payload, signature] = officerToken().split('.');
    const changed = b64({ ...decode(payload), agency: 'supervisor' });
    expect(failure(() => verifyToken(`${header}.${changed}.${signature}`, SECRET, verifyOptions))).toBe('signature');
  });

  it('refuses a tampered signature', () => {
    const [header, payload, signature] = officerToken().split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(failure(() => verifyToken(`${header}.${payload}.${flipped}`, SECRET, verifyOptions))).toBe('signature');
    expect(failure(() => verifyToken(`${header}.${payload}.${signature.slice(0, -2)}`, SECRET, verifyOptions))).toBe(
      'signature',
    );
  });

  it('refuses a token signed with another secret', () => {
    expect(
      failure(() =>
        verifyToken(forge({ alg: 'HS256', typ: 'JWT' }, validPayload(), OTHER_SECRET), SECRET, verifyOptions),
      ),
    ).toBe('signature');
  });

  it('refuses alg none, with or without a signature', () => {
    const input = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(validPayload())}`;
    expect(failure(() => verifyToken(`${input}.`, SECRET, verifyOptions))).toBe('malformed');
    expect(failure(() => verifyToken(`${input}.${hs256(input)}`, SECRET, verifyOptions))).toBe('header');
  });

  it('refuses any other algorithm or header, even when the HMAC is right', () => {
    const headers = [
      { alg: 'RS256', typ: 'JWT' },
      { alg: 'HS512', typ: 'JWT' },
      { alg: 'hs256', typ: 'JWT' },
      { typ: 'JWT', alg: 'HS256' },
      { alg: 'HS256' },
      { alg: 'HS256', typ: 'JWT', kid: '../../etc/passwd' },
      { alg: 'HS256', typ: 'JWT', crit: ['exp'] },
    ];
    for (const header of headers) {
      expect(failure(() => verifyToken(forge(header, validPayload()), SECRET, verifyOptions))).toBe('header');
    }
    // The same header with different whitespace is another header.
    const spaced = `${b64('{"alg": "HS256", "typ": "JWT"}')}.${b64(validPayload())}`;
    expect(failure(() => verifyToken(`${spaced}.${hs256(spaced)}`, SECRET, verifyOptions))).toBe('header');
  });

  it('refuses an expired token, allowing a small clock skew', () => {
    const token = officerToken();
    expect(verifyToken(token, SECRET, { ...verifyOptions, now: NOW + 900 + 29 }).sub).toBe('officer-1');
    expect(failure(() => verifyToken(token, SECRET, { ...verifyOptions, now: NOW + 900 + 30 }))).toBe('expired');
    expect(() => verifyToken(token, SECRET, { ...verifyOptions, now: NOW + 3600 })).toThrow('The token has expired');
  });

  it('refuses a token issued in the future or not yet valid', () => {
    const token = officerToken();
    expect(verifyToken(token, SECRET, { ...verifyOptions, now: NOW - 30 }).sub).toBe('officer-1');
    expect(failure(() => verifyToken(token, SECRET, { ...verifyOptions, now: NOW - 31 }))).toBe('not_yet_valid');
    const notBefore = forge({ alg: 'HS256', typ: 'JWT' }, { ...validPayload(), nbf: NOW + 600 });
    expect(failure(() => verifyToken(notBefore, SECRET, verifyOptions))).toBe('not_yet_valid');
  });

  it('refuses a token for another audience', () => {
    const checkIn = signToken({ sub: 'declaration-1', gate: 'HUU_NGHI', ver: 3 }, SECRET, {
      ...signOptions,
      audience: CHECK_IN_AUDIENCE,
    });
    expect(failure(() => verifyToken(checkIn, SECRET, verifyOptions))).toBe('audience');
    expect(failure(() => verifyToken(officerToken(), SECRET, { ...verifyOptions, audience: CHECK_IN_AUDIENCE }))).toBe(
      'audience',
    );
    const listed = forge({ alg: 'HS256', typ: 'JWT' }, { ...validPayload(), aud: [OFFICER_AUDIENCE] });
    expect(failure(() => verifyToken(listed, SECRET, verifyOptions))).toBe('audience');
  });

  it('refuses a token from another issuer', () => {
    const foreign = signToken({ sub: 'officer-1' }, SECRET, { ...signOptions, issuer: 'someone-else' });
    expect(failure(() => verifyToken(foreign, SECRET, verifyOptions))).toBe('issuer');
  });

  it('refuses tokens missing or mistyping required claims', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    const withoutExp: Record<string, unknown> = validPayload();
    delete withoutExp.exp;
    const withoutSub: Record<string, unknown> = validPayload();
    delete withoutSub.sub;
    for (const payload of [
      withoutExp,
      withoutSub,
      { ...validPayload(), sub: '' },
      { ...validPayload(), exp: String(NOW + 900) },
      { ...validPayload(), iat: NOW + 0.5 },
      { ...validPayload(), nbf: 'soon' },
      { ...validPayload(), jti: 7 },
    ]) {
      expect(failure(() => verifyToken(forge(header, payload), SECRET, verifyOptions))).toBe('claims');
    }
  });

  it('refuses malformed tokens without throwing anything else', () => {
    const [header, payload, signature] = officerToken().split('.');
    const cases = [
      '',
      'abc',
      `${header}.${payload}`,
      `${header}.${payload}.${signature}.extra`,
      `${header}..${signature}`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}+.${signature}`,
      ` ${header}.${payload}.${signature}`,
      'x'.repeat(10_000),
    ];
    for (const token of cases) expect(failure(() => verifyToken(token, SECRET, verifyOptions))).toBe('malformed');
    for (const body of ['not json', '[1,2]', 'null', '"text"']) {
      const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(body)}`;
      expect(failure(() => verifyToken(`${input}.${hs256(input)}`, SECRET, verifyOptions))).toBe('malformed');
    }
  });

  it('will not sign with a short secret, a bad ttl, or claims it sets itself', () => {
    expect(() => signToken({ sub: 'x' }, 'short', signOptions)).toThrow(/at least 32 bytes/);
    expect(() => signToken({ sub: 'x' }, SECRET, { ...signOptions, ttlSeconds: 0 })).toThrow(/ttlSeconds/);
    expect(() => signToken({ sub: 'x', exp: NOW + 10 ** 9 }, SECRET, signOptions)).toThrow(/"exp"/);
    expect(() => signToken({ sub: 'x', aud: CHECK_IN_AUDIENCE }, SECRET, signOptions)).toThrow(/"aud"/);
  });
});

describe('TokenService', () => {
  const tokens = new TokenService(loadConfig({ AUTH_TOKEN_SECRET: SECRET }).auth);

  it('signs check-in tokens that only verify as check-in tokens', () => {
    const token = tokens.sign(CHECK_IN_AUDIENCE, { sub: 'declaration-1', gate: 'TAN_THANH', ver: 2 }, 3600);
    expect(tokens.verify(CHECK_IN_AUDIENCE, token)).toMatchObject({
      sub: 'declaration-1',
      gate: 'TAN_THANH',
      ver: 2,
      iss: 'border-gate',
      aud: 'border-gate/check-in',
    });
    expect(failure(() => tokens.verify(OFFICER_AUDIENCE, token))).toBe('audience');
  });

  it('does not accept tokens signed with another secret', () => {
    const other = new TokenService(loadConfig({ AUTH_TOKEN_SECRET: OTHER_SECRET }).auth);
    const token = other.sign(OFFICER_AUDIENCE, { sub: 'officer-1' }, 60);
    expect(failure(() => tokens.verify(OFFICER_AUDIENCE, token))).toBe('signature');
  });
});
