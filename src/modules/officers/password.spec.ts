import { msg } from '../../common/i18n/message.js';
import { DUMMY_HASH, hashPassword, needsRehash, passwordPolicyProblem, verifyPassword } from './password.js';

// Made by the previous version of this module (scrypt N=2^15, r=8, p=1) from 'correct horse battery'.
const SCRYPT_HASH = 'scrypt$32768$8$1$Ke1WwPnvJYvCdeOs8NwFVQ==$k04Km2YevRvEWE8cSUkYOsoK2rL3/zfTft+5Lqscc84=';

describe('passwords (argon2id)', () => {
  it('hashes to an argon2id PHC string with OWASP parameters and a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
    expect(needsRehash(a)).toBe(false);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
  });

  it('still verifies scrypt hashes of the earlier version, and marks them for re-hashing', async () => {
    await expect(verifyPassword('correct horse battery', SCRYPT_HASH)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', SCRYPT_HASH)).resolves.toBe(false);
    expect(needsRehash(SCRYPT_HASH)).toBe(true);
    expect(
      needsRehash('$argon2id$v=19$m=4096,t=3,p=1$QXaQIT8YzdH+PPM2xUe01g$hhKpYpSvTY0fiTcoZFMKAnV/8FnJf4QJJuLz/ULbJjI'),
    ).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('treats composed and decomposed Vietnamese diacritics as the same password', async () => {
    const composed = 'Mật khẩu cửa khẩu'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    await expect(verifyPassword(decomposed, await hashPassword(composed))).resolves.toBe(true);
  });

  it('never matches the dummy hash, and spends about as long on it as on a real one', async () => {
    const real = await hashPassword('correct horse battery');
    const time = async (encoded: string): Promise<number> => {
      const start = process.hrtime.bigint();
      await verifyPassword('some guess at a password', encoded);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time(real); // warm up
    // The fastest of a few runs: other work on the machine only ever adds time.
    const dummyMs = Math.min(await time(DUMMY_HASH), await time(DUMMY_HASH), await time(DUMMY_HASH));
    const realMs = Math.min(await time(real), await time(real), await time(real));
    await expect(verifyPassword('', DUMMY_HASH)).resolves.toBe(false);
    expect(dummyMs).toBeGreaterThan(realMs / 3);
    expect(dummyMs).toBeLessThan(realMs * 3);
  });

  it('refuses malformed or out-of-bounds encodings instead of throwing', async () => {
    const hash = SCRYPT_HASH;
    const [, , r, p, salt, key] = hash.split('$');
    const argon2 = await hashPassword('correct horse battery');
    for (const encoded of [
      '',
      'plain text',
      hash.replace('scrypt$', 'bcrypt$'),
      argon2.replace('argon2id', 'argon2i'),
      argon2.replace('m=19456', 'm=9999999'), // gigabytes of memory
      argon2.replace('t=2', 't=999'),
      argon2.slice(0, -10),
      `scrypt$30000$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 24}$${r}$${p}$${salt}$${key}`, // gigabytes of memory
      `scrypt$32768$64$${p}$${salt}$${key}`,
      `scrypt$32768$${r}$99$${salt}$${key}`,
      `scrypt$32768$${r}$${p}$$${key}`,
      `scrypt$32768$${r}$${p}$${salt}$QUJD`,
    ]) {
      await expect(verifyPassword('correct horse battery', encoded)).resolves.toBe(false);
    }
  });

  it('asks for 12 to 128 characters, counted as characters, not bytes', () => {
    expect(passwordPolicyProblem('short')).toEqual(msg('field.passwordLength', { min: 12, max: 128 }));
    expect(passwordPolicyProblem('a'.repeat(11))).not.toBeNull();
    expect(passwordPolicyProblem('a'.repeat(12))).toBeNull();
    expect(passwordPolicyProblem('a'.repeat(128))).toBeNull();
    expect(passwordPolicyProblem('a'.repeat(129))).not.toBeNull();
    expect(passwordPolicyProblem('口岸'.repeat(6))).toBeNull();
    expect(passwordPolicyProblem('🚚'.repeat(11))).not.toBeNull();
  });
});
