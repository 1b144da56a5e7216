import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { DomainError } from '../../common/errors/domain-error.js';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { msg } from '../../common/i18n/message.js';

export const TOKEN_ISSUER = 'border-gate';
/** Officer access tokens (`Authorization: Bearer …`). */
export const OFFICER_AUDIENCE = 'border-gate/officer';
/** QR check-in tokens handed to drivers: `{sub: declarationId, gate, ver}`. */
export const CHECK_IN_AUDIENCE = 'border-gate/check-in';
export type TokenAudience = typeof OFFICER_AUDIENCE | typeof CHECK_IN_AUDIENCE;

/** Tolerated clock difference between the host that signed and the host that verifies. */
export const CLOCK_SKEW_SECONDS = 30;
const MIN_SECRET_BYTES = 32;
const MAX_TOKEN_LENGTH = 8192;
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SET_BY_SIGNER = ['iss', 'aud', 'iat', 'exp', 'jti'] as const;

/** Claims the caller chooses; `iss`, `aud`, `iat`, `exp` and `jti` are set by the signer. */
export type TokenClaims = { sub: string } & Record<string, unknown>;

export interface VerifiedClaims extends Record<string, unknown> {
  sub: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  nbf?: number;
}

export type TokenFailure =
  'malformed' | 'header' | 'signature' | 'issuer' | 'audience' | 'expired' | 'not_yet_valid' | 'claims' | 'lifetime';

/** A token that does not verify. A DomainError (401 `AUTH.TOKEN_INVALID`); callers may map it to their own code. */
export class TokenError extends DomainError {
  constructor(readonly reason: TokenFailure) {
    super('AUTH.TOKEN_INVALID', msg(reason === 'expired' ? 'auth.tokenExpired' : 'auth.tokenInvalid'));
    this.name = 'TokenError';
  }
}

/** An HMAC key and its id (`kid`), derived from the secret so that a key keeps its id when it becomes the previous one. */
export interface TokenKey {
  readonly id: string;
  readonly secret: Uint8Array;
  /** The one header this key signs and accepts, as its exact base64url encoding. */
  readonly header: string;
}

/** A secret, a key made from one, or several (the first signs; every one verifies). */
export type TokenSecrets = string | Buffer | TokenKey | ReadonlyArray<string | Buffer | TokenKey>;

export interface SignOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
  /** Seconds since the epoch; defaults to the clock. */
  now?: number;
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  now?: number;
  clockSkewSeconds?: number;
  /** The longest `exp - iat` this service issues for the audience; a longer-lived token was not made by it. */
  maxLifetimeSeconds?: number;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const protectedHeader = (kid: string) => ({ alg: 'HS256', kid, typ: 'JWT' });
const encodeHeader = (kid: string): string => Buffer.from(JSON.stringify(protectedHeader(kid))).toString('base64url');

/** Throws (a programming or configuration error, not a bad token) when the secret is shorter than 32 bytes. */
export function tokenKey(secret: string | Buffer | TokenKey): TokenKey {
  if (typeof secret !== 'string' && !Buffer.isBuffer(secret)) return secret;
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < MIN_SECRET_BYTES) throw new Error(`token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  // A MAC of a fixed label: names the key without revealing anything about it.
  const id = createHmac('sha256', bytes)
    .update('border-gate/token-key-id')
    .digest()
    .subarray(0, 12)
    .toString('base64url');
  return { id, secret: new Uint8Array(bytes), header: encodeHeader(id) };
}

const isList = (secrets: TokenSecrets): secrets is ReadonlyArray<string | Buffer | TokenKey> => Array.isArray(secrets);

function keyRing(secrets: TokenSecrets): Map<string, TokenKey> {
  const list: ReadonlyArray<string | Buffer | TokenKey> = isList(secrets) ? secrets : [secrets];
  return new Map(list.map((secret) => tokenKey(secret)).map((key) => [key.header, key]));
}

/**
 * The key a header names, compared as the header's exact encoding: no `alg` negotiation (none, RS256, …), no
 * extra fields, no other spelling. A well-formed header naming a key we do not hold is a signature failure.
 */
function keyFor(header: string, ring: Map<string, TokenKey>): TokenKey {
  const key = ring.get(header);
  if (key) return key;
  let kid: unknown;
  try {
    kid = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: unknown }).kid;
  } catch {
    throw new TokenError('header');
  }
  if (typeof kid === 'string' && KEY_ID.test(kid) && encodeHeader(kid) === header) throw new TokenError('signature');
  throw new TokenError('header');
}

function failureOf(error: unknown): TokenFailure {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'issuer';
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'nbf' && error.reason === 'check_failed') return 'not_yet_valid';
    return 'claims';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'header';
  if (error instanceof errors.JOSEError) return 'malformed';
  throw error;
}

/** A compact JWS (HS256, `kid` naming the key) over the claims plus `iss`, `aud`, `iat`, `exp` and a random `jti`. */
export async function signToken(claims: TokenClaims, secret: TokenSecrets, options: SignOptions): Promise<string> {
  const clash = SET_BY_SIGNER.find((name) => name in claims);
  if (clash) throw new Error(`claim "${clash}" is set by signToken, not by the caller`);
  if (!Number.isSafeInteger(options.ttlSeconds) || options.ttlSeconds <= 0)
    throw new Error('ttlSeconds must be a positive integer');
  const [key] = keyRing(secret).values();
  const iat = options.now ?? nowSeconds();
  const payload = {
    ...claims,
    iss: options.issuer,
    aud: options.audience,
    iat,
    exp: iat + options.ttlSeconds,
    jti: randomUUID(),
  };
  return new SignJWT(payload).setProtectedHeader(protectedHeader(key.id)).sign(key.secret);
}

/**
 * The token's claims when it is well-formed, HS256 under one of `secrets` (the one its `kid` names), for this
 * issuer and audience, and current; else throws TokenError.
 */
export async function verifyToken(
  token: string,
  secrets: TokenSecrets,
  options: VerifyOptions,
): Promise<VerifiedClaims> {
  const ring = keyRing(secrets);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new TokenError('malformed');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) throw new TokenError('malformed');
  const [header, , signature] = parts;
  const key = keyFor(header, ring);
  // One spelling per signature: base64url leaves spare low bits in the last character, which decoding ignores.
  if (Buffer.from(signature, 'base64url').toString('base64url') !== signature) throw new TokenError('signature');

  const now = options.now ?? nowSeconds();
  const skew = options.clockSkewSeconds ?? CLOCK_SKEW_SECONDS;
  let c: Record<string, unknown>;
  try {
    ({ payload: c } = await jwtVerify(token, key.secret, {
      algorithms: ['HS256'],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      clockTolerance: skew,
      currentDate: new Date(now * 1000),
    }));
  } catch (error) {
    throw new TokenError(failureOf(error));
  }
  // jose accepts an audience list and fractional or future times; this service issues neither.
  if (c.aud !== options.audience) throw new TokenError('audience');
  if (typeof c.sub !== 'string' || c.sub === '' || typeof c.jti !== 'string') throw new TokenError('claims');
  if (!isTime(c.iat) || !isTime(c.exp) || (c.nbf !== undefined && !isTime(c.nbf))) throw new TokenError('claims');
  if (c.iat > now + skew) throw new TokenError('not_yet_valid');
  if (options.maxLifetimeSeconds !== undefined && c.exp - c.iat > options.maxLifetimeSeconds + skew)
    throw new TokenError('lifetime');
  return c as VerifiedClaims;
}

/**
 * The account token version an officer token was issued under (claim `ver`). Tokens issued before versions
 * existed carry none and count as version 1, the version every account started with.
 */
export function officerTokenVersion(claims: VerifiedClaims): number {
  if (claims.ver === undefined) return 1;
  if (!Number.isSafeInteger(claims.ver) || (claims.ver as number) < 1) throw new TokenError('claims');
  return claims.ver as number;
}

/**
 * Signs with AUTH_TOKEN_SECRET and verifies with it or AUTH_TOKEN_PREVIOUS_SECRET (when set), issuer
 * `border-gate`: a rotated key keeps verifying the tokens it signed until they expire.
 */
@Injectable()
export class TokenService {
  private readonly current: TokenKey;
  private readonly keys: TokenKey[];
  private readonly officerTtlSeconds: number;

  constructor(@Inject(authConfig.KEY) authConfig: AuthConfig) {
    this.officerTtlSeconds = authConfig.tokenTtlSeconds;
    this.current = tokenKey(authConfig.tokenSecret);
    const previous = authConfig.tokenPreviousSecret;
    this.keys = previous ? [this.current, tokenKey(previous)] : [this.current];
  }

  sign(audience: TokenAudience, claims: TokenClaims, ttlSeconds: number): Promise<string> {
    return signToken(claims, this.current, { issuer: TOKEN_ISSUER, audience, ttlSeconds });
  }

  /** Rejects with TokenError (401 `AUTH.TOKEN_INVALID` unless the caller maps it) when the token does not verify. */
  verify(audience: TokenAudience, token: string): Promise<VerifiedClaims> {
    // Officer tokens live AUTH_TOKEN_TTL_SECONDS; check-in tokens as long as their declaration (signed per row).
    const maxLifetimeSeconds = audience === OFFICER_AUDIENCE ? this.officerTtlSeconds : undefined;
    return verifyToken(token, this.keys, { issuer: TOKEN_ISSUER, audience, maxLifetimeSeconds });
  }
}
