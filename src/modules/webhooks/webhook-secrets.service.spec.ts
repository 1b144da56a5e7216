import { randomUUID } from 'node:crypto';
import type { AuthConfig } from '../../config/config-groups.js';
import { issueWebhookSecret, WebhookSecrets } from './webhook-secrets.service.js';

const secrets = (authSecret = 'a-test-secret-that-is-long-enough-0123456789', previous = '') =>
  new WebhookSecrets({ tokenSecret: authSecret, tokenPreviousSecret: previous } as AuthConfig);

describe('webhook secrets', () => {
  it('issues distinct 256-bit secrets in the documented shape', () => {
    const a = issueWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(issueWebhookSecret()).not.toEqual(a);
  });

  it('seals into v1.<iv>.<tag>.<ciphertext> without the secret in clear, and opens it again', () => {
    const box = secrets();
    const id = randomUUID();
    const secret = issueWebhookSecret();
    const sealed = box.seal(secret, id);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret, id)).not.toEqual(sealed); // fresh IV each time
    expect(box.open(sealed, id)).toBe(secret);
  });

  it('does not open for another webhook, under another key, or when tampered with', () => {
    const id = randomUUID();
    const sealed = secrets().seal(issueWebhookSecret(), id);
    expect(() => secrets().open(sealed, randomUUID())).toThrow('does not decrypt');
    expect(() => secrets('another-secret-that-is-long-enough-0123456789').open(sealed, id)).toThrow('does not decrypt');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => secrets().open([...parts.slice(0, 3), flipped.toString('base64url')].join('.'), id)).toThrow(
      'does not decrypt',
    );
    expect(() => secrets().open(`v2.${parts.slice(1).join('.')}`, id)).toThrow('unreadable');
  });

  it('after a key rotation opens what the previous key sealed, and says it should be sealed again', () => {
    const id = randomUUID();
    const secret = issueWebhookSecret();
    const old = 'the-old-secret-that-is-long-enough-0123456789';
    const now = 'the-new-secret-that-is-long-enough-0123456789';
    const sealedBefore = secrets(old).seal(secret, id);
    expect(secrets(now, old).openAny(sealedBefore, id)).toEqual({ secret, sealedUnderPrevious: true });
    const resealed = secrets(now, old).seal(secret, id);
    expect(secrets(now).openAny(resealed, id)).toEqual({ secret, sealedUnderPrevious: false });
    expect(() => secrets(now).open(sealedBefore, id)).toThrow('does not decrypt');
  });
});
