import { hashApiKey, issueApiKey, looksLikeApiKey } from './api-key.js';

describe('API keys', () => {
  it('issues distinct high-entropy keys in the documented shape', () => {
    const a = issueApiKey();
    const b = issueApiKey();
    expect(a.secret).not.toEqual(b.secret);
    expect(a.secret).toMatch(/^bgk_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeApiKey(a.secret)).toBe(true);
  });

  it('stores only a hash that matches the secret', () => {
    const key = issueApiKey();
    expect(key.hash.equals(hashApiKey(key.secret))).toBe(true);
    expect(key.hash.toString('hex')).not.toContain(key.secret.slice(4));
    expect(key.secret.startsWith(`bgk_${key.prefix}`)).toBe(true);
  });

  it('does not take arbitrary strings for keys', () => {
    expect(looksLikeApiKey('bgk_short')).toBe(false);
    expect(looksLikeApiKey(`xyz_${'a'.repeat(43)}`)).toBe(false);
  });
});
