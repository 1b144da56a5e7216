import { type Message, msg } from '../../common/i18n/message.js';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { PasswordWorkGate } from './password-work-gate.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): memory-hard against GPU guessing,
 * about 30 ms of one thread here. `algorithm: 2` is Argon2id (the package's enum is a const enum, which
 * isolated modules cannot import).
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const ARGON2_ENCODED =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$/;
const SCRYPT_ENCODED = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/**
 * A hash of a password nobody has, with the current algorithm and parameters: verifying against it costs what a
 * real verification costs, so an unknown username answers no faster than a wrong password.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$QXaQIT8YzdH+PPM2xUe01g$hhKpYpSvTY0fiTcoZFMKAnV/8FnJf4QJJuLz/ULbJjI';

/** Every hash and verification of the process passes here; AUTH_PASSWORD_HASH_* settings size it at start. */
export const passwordWork = new PasswordWorkGate(2, 16);

// NFKC: the same password typed with composed or decomposed Vietnamese diacritics hashes the same.
const normalized = (password: string): string => password.normalize('NFKC');

/** Why a new password is refused, or null when it is acceptable. */
export function passwordPolicyProblem(password: string): Message | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH)
    return msg('field.passwordLength', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  return null;
}

/**
 * An argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) with a fresh random salt. Waits its turn at
 * the gate however long the queue: only operators, administrators and successful logins hash.
 */
export function hashPassword(password: string): Promise<string> {
  return passwordWork.run(() => argon2Hash(normalized(password), ARGON2_OPTIONS), false);
}

/** Whether a stored hash was made with an older algorithm or other parameters: re-hash it at the next login. */
export function needsRehash(encoded: string): boolean {
  const match = ARGON2_ENCODED.exec(encoded);
  if (!match) return true;
  const [memory, passes, lanes] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return (
    memory !== ARGON2_OPTIONS.memoryCost || passes !== ARGON2_OPTIONS.timeCost || lanes !== ARGON2_OPTIONS.parallelism
  );
}

/**
 * Whether `password` matches `encoded` (argon2id, or the older `scrypt$N$r$p$salt$key`), in constant time.
 * Parameters come from the encoding; a malformed or out-of-bounds encoding never matches. Throws
 * PasswordWorkBusyError when too many checks are already waiting.
 */
export function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (ARGON2_ENCODED.test(encoded)) {
    if (!argon2WithinBounds(encoded)) return Promise.resolve(false);
    return passwordWork.run(() => argon2Verify(encoded, normalized(password)).catch(() => false));
  }
  const scryptMatch = SCRYPT_ENCODED.exec(encoded);
  if (!scryptMatch) return Promise.resolve(false);
  return passwordWork.run(() => verifyScrypt(password, scryptMatch));
}

// Bounds keep a corrupted row from asking for gigabytes or minutes of work.
function argon2WithinBounds(encoded: string): boolean {
  const [, memory, passes, lanes] = ARGON2_ENCODED.exec(encoded)!.map(Number);
  return memory >= 8 * lanes && memory <= 262_144 && passes >= 1 && passes <= 10 && lanes >= 1 && lanes <= 8;
}

async function verifyScrypt(password: string, match: RegExpExecArray): Promise<boolean> {
  const [cost, blockSize, parallelism] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = (cost & (cost - 1)) === 0;
  if (!powerOfTwo || cost < 2 ** 10 || cost > 2 ** 20 || blockSize < 1 || blockSize > 32) return false;
  if (parallelism < 1 || parallelism > 16) return false;
  const salt = Buffer.from(match[4], 'base64');
  const expected = Buffer.from(match[5], 'base64');
  if (salt.length < 8 || expected.length < 16 || expected.length > 64) return false;
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that at N=2^15, r=8, so raise it.
  const options: ScryptOptions = { N: cost, r: blockSize, p: parallelism, maxmem: 256 * cost * blockSize };
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(normalized(password), salt, expected.length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return timingSafeEqual(actual, expected);
}
