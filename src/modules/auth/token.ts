import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';

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
// The one header accepted, compared as its exact encoding: no `alg` negotiation (none, RS256, …), no extra fields.
const HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
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
  'malformed' | 'header' | 'signature' | 'issuer' | 'audience' | 'expired' | 'not_yet_valid' | 'claims';

/** A token that does not verify. A DomainError (401 `AUTH.TOKEN_INVALID`); callers may map it to their own code. */
export class TokenError extends DomainError {
  constructor(readonly reason: TokenFailure) {
    super('AUTH.TOKEN_INVALID', reason === 'expired' ? 'The token has expired' : 'The token is not valid');
    this.name = 'TokenError';
  }
}

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
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function keyOf(secret: string | Buffer): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < MIN_SECRET_BYTES) throw new Error(`token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return key;
}

function signature(key: Buffer, signingInput: string): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}

/** A compact JWS (HS256) over the claims plus `iss`, `aud`, `iat`, `exp` and a random `jti`. */
export function signToken(claims: TokenClaims, secret: string | Buffer, options: SignOptions): string {
  const clash = SET_BY_SIGNER.find((name) => name in claims);
  if (clash) throw new Error(`claim "${clash}" is set by signToken, not by the caller`);
  if (!Number.isSafeInteger(options.ttlSeconds) || options.ttlSeconds <= 0)
    throw new Error('ttlSeconds must be a positive integer');
  const iat = options.now ?? nowSeconds();
  const payload = {
    ...claims,
    iss: options.issuer,
    aud: options.audience,
    iat,
    exp: iat + options.ttlSeconds,
    jti: randomUUID(),
  };
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signingInput}.${signature(keyOf(secret), signingInput)}`;
}

/** The token's claims when it is well-formed, HS256, signed with `secret`, for this issuer and audience, and current; else throws TokenError. */
export function verifyToken(token: string, secret: string | Buffer, options: VerifyOptions): VerifiedClaims {
  const key = keyOf(secret);
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw new TokenError('malformed');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) throw new TokenError('malformed');
  const [header, payload, given] = parts;
  if (header !== HEADER) throw new TokenError('header');

  // Compare encodings, not decoded bytes: a second spelling of the same signature is refused too.
  const expected = Buffer.from(signature(key, `${header}.${payload}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new TokenError('signature');

  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('malformed');
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) throw new TokenError('malformed');
  const c = claims as Record<string, unknown>;
  if (c.iss !== options.issuer) throw new TokenError('issuer');
  if (c.aud !== options.audience) throw new TokenError('audience');
  if (typeof c.sub !== 'string' || c.sub === '' || typeof c.jti !== 'string') throw new TokenError('claims');
  if (!isTime(c.iat) || !isTime(c.exp) || (c.nbf !== undefined && !isTime(c.nbf))) throw new TokenError('claims');

  const now = options.now ?? nowSeconds();
  const skew = options.clockSkewSeconds ?? CLOCK_SKEW_SECONDS;
  if (now - skew >= c.exp) throw new TokenError('expired');
  if (c.iat > now + skew || (isTime(c.nbf) && c.nbf > now + skew)) throw new TokenError('not_yet_valid');
  return c as VerifiedClaims;
}

/** Signs and verifies this service's tokens with AUTH_TOKEN_SECRET, issuer `border-gate`. */
@Injectable()
export class TokenService {
  private readonly secret: Buffer;

  constructor(@Inject(authConfig.KEY) authConfig: AuthConfig) {
    this.secret = keyOf(authConfig.tokenSecret);
  }

  sign(audience: TokenAudience, claims: TokenClaims, ttlSeconds: number): string {
    return signToken(claims, this.secret, { issuer: TOKEN_ISSUER, audience, ttlSeconds });
  }

  /** Throws TokenError (401 `AUTH.TOKEN_INVALID` unless the caller maps it) when the token does not verify. */
  verify(audience: TokenAudience, token: string): VerifiedClaims {
    return verifyToken(token, this.secret, { issuer: TOKEN_ISSUER, audience });
  }
}
