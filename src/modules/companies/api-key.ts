import { createHash, randomBytes } from 'node:crypto';

const KEY_PATTERN = /^bgk_([A-Za-z0-9_-]{8})([A-Za-z0-9_-]{35})$/;

export interface IssuedApiKey {
  /** Shown once to the company; never stored. */
  secret: string;
  /** First characters after `bgk_`, safe to show and to log, to tell keys apart. */
  prefix: string;
  hash: Buffer;
}

/** 32 random bytes (256 bits), base64url: `bgk_` + 43 characters. */
export function issueApiKey(): IssuedApiKey {
  const secret = `bgk_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(4, 12), hash: hashApiKey(secret) };
}

export function hashApiKey(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function looksLikeApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}
