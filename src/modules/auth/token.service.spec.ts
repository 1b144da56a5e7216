import { createHmac } from 'node:crypto';
import { loadConfig } from '../../config/app-config.js';
import {
  CHECK_IN_AUDIENCE,
  OFFICER_AUDIENCE,
  officerTokenVersion,
  signToken,
  TOKEN_ISSUER,
  TokenError,
  tokenKey,
  TokenService,
  verifyToken,
} from './token.service.js';

const SECRET = 'unit-test-secret-of-at-least-32-characters!!';
const OTHER_SECRET = 'another-secret-of-at-least-32-characters!!!';
const PREVIOUS_SECRET = 'the-previous-secret-of-at-least-32-characters';
const NOW = 1_800_000_000;
const signOptions = { issuer: TOKEN_ISSUER, audience: OFFICER_AUDIENCE, ttlSeconds: 900, now: NOW };
const verifyOptions = { issuer: TOKEN_ISSUER, audience: OFFICER_AUDIENCE, now: NOW + 60 };
const KID = tokenKey(SECRET).id;
const HEADER = { alg: 'HS256', kid: KID, typ: 'JWT' };

const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret = SECRET): string =>
  createHmac('sha256', secret).update(input).digest('base64url');
const decode = (segment: string): any => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

function officerToken(claims: Record<string, unknown> = {}, secret = SECRET): Promise<string> {
  return signToken({ sub: 'officer-1', agency: 'customs', gates: ['HUU_NGHI'], ...claims }, secret, signOptions);
}

/** A token whose header and payload are chosen freely and correctly signed with `secret`, without jose. */
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

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe('AUTH.TOKEN_INVALID');
    expect((error as TokenError).status).toBe(401);
    return (error as TokenError).reason;
  }
  throw new Error('expected the token to be refused');
}

describe('signToken / verifyToken (HS256 through jose)', () => {
  it('round-trips the claims with issuer, audience, times and a unique jti', async () => {
    const token = await officerToken();
    const claims = await verifyToken(token, SECRET, verifyOptions);
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
    expect((await verifyToken(await officerToken(), SECRET, verifyOptions)).jti).not.toBe(claims.jti);
  });

  it('writes exactly the pinned header, naming the key by an id that does not reveal it', async () => {
    const [header] = (await officerToken()).split('.');
    expect(Buffer.from(header, 'base64url').toString()).toBe(`{"alg":"HS256","kid":"${KID}","typ":"JWT"}`);
    expect(KID).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(tokenKey(OTHER_SECRET).id).not.toBe(KID);
    expect(SECRET).not.toContain(KID);
  });

  it('accepts a token forged only with the right secret, its key id and a well-formed payload', async () => {
    expect((await verifyToken(forge(HEADER, validPayload()), SECRET, verifyOptions)).sub).toBe('officer-1');
  });

  it('refuses a tampered payload', async () => {
    const [header, payload, signature] = (await officerToken()).split('.');
    const changed = b64({ ...decode(payload), agency: 'supervisor' });
    expect(await failure(() => verifyToken(`${header}.${changed}.${signature}`, SECRET, verifyOptions))).toBe(
      'signature',
    );
  });

  it('refuses a tampered signature, a truncated one, and a second spelling of the right one', async () => {
    const [header, payload, signature] = (await officerToken()).split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await failure(() => verifyToken(`${header}.${payload}.${flipped}`, SECRET, verifyOptions))).toBe(
      'signature',
    );
    expect(
      await failure(() => verifyToken(`${header}.${payload}.${signature.slice(0, -2)}`, SECRET, verifyOptions)),
    ).toBe('signature');
    // 32 bytes take 43 characters: the last one's two low bits are spare, so another letter decodes the same.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1)!);
    const respelled = `${signature.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(await failure(() => verifyToken(`${header}.${payload}.${respelled}`, SECRET, verifyOptions))).toBe(
      'signature',
    );
  });

  it('refuses a token signed with another secret, even one naming our key', async () => {
    expect(await failure(async () => verifyToken(await officerToken({}, OTHER_SECRET), SECRET, verifyOptions))).toBe(
      'signature',
    );
    expect(await failure(() => verifyToken(forge(HEADER, validPayload(), OTHER_SECRET), SECRET, verifyOptions))).toBe(
      'signature',
    );
  });

  it('refuses alg none, with or without a signature', async () => {
    const input = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(validPayload())}`;
    expect(await failure(() => verifyToken(`${input}.`, SECRET, verifyOptions))).toBe('malformed');
    expect(await failure(() => verifyToken(`${input}.${hs256(input)}`, SECRET, verifyOptions))).toBe('header');
    const named = `${b64({ alg: 'none', kid: KID, typ: 'JWT' })}.${b64(validPayload())}`;
    expect(await failure(() => verifyToken(`${named}.${hs256(named)}`, SECRET, verifyOptions))).toBe('header');
  });

  it('refuses any other algorithm or header, even when the HMAC is right', async () => {
    const headers = [
      { alg: 'RS256', kid: KID, typ: 'JWT' },
      { alg: 'HS512', kid: KID, typ: 'JWT' },
      { alg: 'hs256', kid: KID, typ: 'JWT' },
      { kid: KID, alg: 'HS256', typ: 'JWT' },
      { alg: 'HS256', kid: KID },
      { alg: 'HS256', typ: 'JWT' },
      { alg: 'HS256', kid: '../../etc/passwd', typ: 'JWT' },
      { alg: 'HS256', kid: [KID], typ: 'JWT' },
      { alg: 'HS256', kid: KID, typ: 'JWT', crit: ['exp'] },
      { alg: 'HS256', kid: KID, typ: 'JWT', b64: false, crit: ['b64'] },
      { alg: 'HS256', kid: KID, typ: 'JWT', jku: 'https://attacker.example/jwks' },
    ];
    for (const header of headers) {
      expect(await failure(() => verifyToken(forge(header, validPayload()), SECRET, verifyOptions))).toBe('header');
    }
    // The same header with different whitespace is another header.
    const spaced = `${b64(`{"alg": "HS256", "kid": "${KID}", "typ": "JWT"}`)}.${b64(validPayload())}`;
    expect(await failure(() => verifyToken(`${spaced}.${hs256(spaced)}`, SECRET, verifyOptions))).toBe('header');
    expect(
      await failure(() => verifyToken(`${b64('not json')}.${b64(validPayload())}.abc`, SECRET, verifyOptions)),
    ).toBe('header');
  });

  it('refuses an expired token, allowing a small clock skew', async () => {
    const token = await officerToken();
    expect((await verifyToken(token, SECRET, { ...verifyOptions, now: NOW + 900 + 29 })).sub).toBe('officer-1');
    expect(await failure(() => verifyToken(token, SECRET, { ...verifyOptions, now: NOW + 900 + 30 }))).toBe('expired');
    await expect(verifyToken(token, SECRET, { ...verifyOptions, now: NOW + 3600 })).rejects.toThrow(
      'The token has expired',
    );
  });

  it('refuses a token issued in the future or not yet valid', async () => {
    const token = await officerToken();
    expect((await verifyToken(token, SECRET, { ...verifyOptions, now: NOW - 30 })).sub).toBe('officer-1');
    expect(await failure(() => verifyToken(token, SECRET, { ...verifyOptions, now: NOW - 31 }))).toBe('not_yet_valid');
    const notBefore = forge(HEADER, { ...validPayload(), nbf: NOW + 600 });
    expect(await failure(() => verifyToken(notBefore, SECRET, verifyOptions))).toBe('not_yet_valid');
  });

  it('refuses a token for another audience', async () => {
    const checkIn = await signToken({ sub: 'declaration-1', gate: 'HUU_NGHI', ver: 3 }, SECRET, {
      ...signOptions,
      audience: CHECK_IN_AUDIENCE,
    });
    expect(await failure(() => verifyToken(checkIn, SECRET, verifyOptions))).toBe('audience');
    const officer = await officerToken();
    expect(await failure(() => verifyToken(officer, SECRET, { ...verifyOptions, audience: CHECK_IN_AUDIENCE }))).toBe(
      'audience',
    );
    // jose accepts a list that contains the audience; this service never issues one.
    const listed = forge(HEADER, { ...validPayload(), aud: [OFFICER_AUDIENCE] });
    expect(await failure(() => verifyToken(listed, SECRET, verifyOptions))).toBe('audience');
  });

  it('refuses a token from another issuer', async () => {
    const foreign = await signToken({ sub: 'officer-1' }, SECRET, { ...signOptions, issuer: 'someone-else' });
    expect(await failure(() => verifyToken(foreign, SECRET, verifyOptions))).toBe('issuer');
    const withoutIssuer: Record<string, unknown> = validPayload();
    delete withoutIssuer.iss;
    expect(await failure(() => verifyToken(forge(HEADER, withoutIssuer), SECRET, verifyOptions))).toBe('issuer');
  });

  it('refuses tokens missing or mistyping required claims', async () => {
    const without = (name: string): Record<string, unknown> => {
      const payload: Record<string, unknown> = validPayload();
      delete payload[name];
      return payload;
    };
    for (const payload of [
      without('exp'),
      without('sub'),
      without('iat'),
      without('jti'),
      { ...validPayload(), sub: '' },
      { ...validPayload(), exp: String(NOW + 900) },
      { ...validPayload(), iat: NOW + 0.5 },
      { ...validPayload(), nbf: 'soon' },
      { ...validPayload(), jti: 7 },
    ]) {
      expect(await failure(() => verifyToken(forge(HEADER, payload), SECRET, verifyOptions))).toBe('claims');
    }
  });

  it('refuses malformed tokens without throwing anything else', async () => {
    const [header, payload, signature] = (await officerToken()).split('.');
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
    for (const token of cases) {
      expect(await failure(() => verifyToken(token, SECRET, verifyOptions))).toBe('malformed');
    }
    for (const body of ['not json', '[1,2]', 'null', '"text"']) {
      const input = `${b64(HEADER)}.${b64(body)}`;
      expect(await failure(() => verifyToken(`${input}.${hs256(input)}`, SECRET, verifyOptions))).toBe('malformed');
    }
  });

  it('will not sign with a short secret, a bad ttl, or claims it sets itself', async () => {
    await expect(signToken({ sub: 'x' }, 'short', signOptions)).rejects.toThrow(/at least 32 bytes/);
    await expect(signToken({ sub: 'x' }, SECRET, { ...signOptions, ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds/);
    await expect(signToken({ sub: 'x', exp: NOW + 10 ** 9 }, SECRET, signOptions)).rejects.toThrow(/"exp"/);
    await expect(signToken({ sub: 'x', aud: CHECK_IN_AUDIENCE }, SECRET, signOptions)).rejects.toThrow(/"aud"/);
    await expect(verifyToken('a.b.c', [SECRET, 'short'], verifyOptions)).rejects.toThrow(/at least 32 bytes/);
  });
});

describe('key rotation', () => {
  it('verifies with the key the token names, current or previous', async () => {
    const old = await officerToken({}, PREVIOUS_SECRET);
    const fresh = await officerToken();
    for (const token of [old, fresh]) {
      expect((await verifyToken(token, [SECRET, PREVIOUS_SECRET], verifyOptions)).sub).toBe('officer-1');
    }
  });

  it('refuses a token signed with neither key', async () => {
    const foreign = await officerToken({}, OTHER_SECRET);
    expect(await failure(() => verifyToken(foreign, [SECRET, PREVIOUS_SECRET], verifyOptions))).toBe('signature');
  });

  it('does not try the other key when the named one fails', async () => {
    // Signed with the previous secret but naming the current key: refused, though the previous key would match.
    const crossed = forge(HEADER, validPayload(), PREVIOUS_SECRET);
    expect(await failure(() => verifyToken(crossed, [SECRET, PREVIOUS_SECRET], verifyOptions))).toBe('signature');
  });
});

describe('TokenService', () => {
  const service = (current: string, previous = ''): TokenService =>
    // Built past loadConfig, so TokenService's own refusal of a weak key is what the tests see.
    new TokenService({ ...loadConfig({}).auth, tokenSecret: current, tokenPreviousSecret: previous });
  const tokens = service(SECRET);

  it('signs check-in tokens that only verify as check-in tokens', async () => {
    const token = await tokens.sign(CHECK_IN_AUDIENCE, { sub: 'declaration-1', gate: 'TAN_THANH', ver: 2 }, 3600);
    expect(await tokens.verify(CHECK_IN_AUDIENCE, token)).toMatchObject({
      sub: 'declaration-1',
      gate: 'TAN_THANH',
      ver: 2,
      iss: 'border-gate',
      aud: 'border-gate/check-in',
    });
    expect(await failure(() => tokens.verify(OFFICER_AUDIENCE, token))).toBe('audience');
  });

  it('does not accept tokens signed with another secret', async () => {
    const token = await service(OTHER_SECRET).sign(OFFICER_AUDIENCE, { sub: 'officer-1' }, 60);
    expect(await failure(() => tokens.verify(OFFICER_AUDIENCE, token))).toBe('signature');
  });

  it('refuses an officer token that lives longer than AUTH_TOKEN_TTL_SECONDS allows, even correctly signed', async () => {
    // The service's TTL is 900 s (+30 s skew); a token minted with the key for three years was not issued here.
    const threeYears = await signToken({ sub: 'officer-1' }, SECRET, {
      ...signOptions,
      ttlSeconds: 3 * 365 * 86_400,
      now: undefined,
    });
    expect(await failure(() => tokens.verify(OFFICER_AUDIENCE, threeYears))).toBe('lifetime');
    const withinPolicy = await tokens.sign(OFFICER_AUDIENCE, { sub: 'officer-1' }, 900);
    expect((await tokens.verify(OFFICER_AUDIENCE, withinPolicy)).sub).toBe('officer-1');
  });

  it('rotates with no one logged out: old tokens verify while the old key is previous, and stop once it is removed', async () => {
    const beforeRotation = await service(PREVIOUS_SECRET).sign(OFFICER_AUDIENCE, { sub: 'officer-1' }, 60);
    const rotated = service(SECRET, PREVIOUS_SECRET);
    expect((await rotated.verify(OFFICER_AUDIENCE, beforeRotation)).sub).toBe('officer-1');

    const afterRotation = await rotated.sign(OFFICER_AUDIENCE, { sub: 'officer-2' }, 60);
    const [header] = afterRotation.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).kid).toBe(KID); // signs with the current key only
    expect((await tokens.verify(OFFICER_AUDIENCE, afterRotation)).sub).toBe('officer-2');

    const previousRemoved = service(SECRET);
    expect(await failure(() => previousRemoved.verify(OFFICER_AUDIENCE, beforeRotation))).toBe('signature');
    expect((await previousRemoved.verify(OFFICER_AUDIENCE, afterRotation)).sub).toBe('officer-2');
  });

  it('refuses a previous secret shorter than 32 bytes at start', () => {
    expect(() => service(SECRET, 'too-short')).toThrow(/at least 32 bytes/);
  });
});

describe('officerTokenVersion', () => {
  const claims = async (extra: Record<string, unknown>) =>
    verifyToken(await signToken({ sub: 'officer-1', ...extra }, SECRET, signOptions), SECRET, verifyOptions);

  it('reads the account token version a token was issued under', async () => {
    expect(officerTokenVersion(await claims({ ver: 3 }))).toBe(3);
  });

  it('counts a token from before versions existed as version 1', async () => {
    expect(officerTokenVersion(await claims({}))).toBe(1);
  });

  it('refuses a version that is not a positive whole number', async () => {
    for (const ver of [0, -1, 1.5, '2', null]) {
      const verified = await claims({ ver });
      expect(() => officerTokenVersion(verified)).toThrow(TokenError);
    }
  });
});
