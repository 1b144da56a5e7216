import { type Message, msg } from '../../common/i18n/message.js';
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const ENCODED = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/**
 * A hash of a password nobody has, with the current parameters: verifying against it costs what a real
 * verification costs, so an unknown username answers no faster than a wrong password.
 */
export const DUMMY_HASH = 'scrypt$32768$8$1$kPZHeZUJ6Ncb3GbsU8+piw==$wdDwiiymfkhqRRSl2VK/jx+Wz+zzhpv+hkhnGNyifYo=';

function derive(
  password: string,
  salt: Buffer,
  keyBytes: number,
  cost: number,
  blockSize: number,
  parallelism: number,
) {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that at N=2^15, r=8, so raise it.
  const options: ScryptOptions = { N: cost, r: blockSize, p: parallelism, maxmem: 256 * cost * blockSize };
  return new Promise<Buffer>((resolve, reject) =>
    // NFKC: the same password typed with composed or decomposed Vietnamese diacritics hashes the same.
    scrypt(password.normalize('NFKC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordPolicyProblem(password: string): Message | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH)
    return msg('field.passwordLength', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  return null;
}

/** `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>` with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, COST, BLOCK_SIZE, PARALLELISM);
  return `scrypt$${COST}$${BLOCK_SIZE}$${PARALLELISM}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Whether `password` matches `encoded`, comparing in constant time. Parameters come from the encoding, so
 * hashes made with older settings keep working; a malformed or out-of-bounds encoding never matches.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = ENCODED.exec(encoded);
  if (!match) return false;
  const [cost, blockSize, parallelism] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Bounds keep a corrupted row from asking for gigabytes or minutes of work.
  const powerOfTwo = (cost & (cost - 1)) === 0;
  if (!powerOfTwo || cost < 2 ** 10 || cost > 2 ** 20 || blockSize < 1 || blockSize > 32) return false;
  if (parallelism < 1 || parallelism > 16) return false;
  const salt = Buffer.from(match[4], 'base64');
  const expected = Buffer.from(match[5], 'base64');
  if (salt.length < 8 || expected.length < 16 || expected.length > 64) return false;
  const actual = await derive(password, salt, expected.length, cost, blockSize, parallelism);
  return timingSafeEqual(actual, expected);
}
