import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';

const KEY_INFO = 'border-gate/webhook-secrets';
const VERSION = 'v1';

const derivedKey = (tokenSecret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', tokenSecret, Buffer.alloc(0), KEY_INFO, 32));

/** A new signing secret: `whsec_` + 32 random bytes, base64url. Shown to the company once. */
export function issueWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Keeps webhook signing secrets encrypted at rest (they must be readable to sign, so they cannot be hashed):
 * AES-256-GCM under a key derived from AUTH_TOKEN_SECRET with HKDF-SHA256, the webhook id as associated data
 * so a ciphertext copied onto another webhook does not open. Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url.
 * A secret sealed under AUTH_TOKEN_PREVIOUS_SECRET's key still opens (`sealedUnderPrevious`), so rotating the
 * token key leaves webhooks working; the caller seals it again under the current key.
 */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;
  private readonly previousKey: Buffer | null;

  constructor(@Inject(authConfig.KEY) authConfig: AuthConfig) {
    this.key = derivedKey(authConfig.tokenSecret);
    this.previousKey = authConfig.tokenPreviousSecret ? derivedKey(authConfig.tokenPreviousSecret) : null;
  }

  seal(secret: string, webhookId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(webhookId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Throws when the value was not sealed for this webhook under the current key. */
  open(sealed: string, webhookId: string): string {
    return this.openAny(sealed, webhookId).secret;
  }

  /**
   * Opens under the current key, else the previous one; `sealedUnderPrevious` says the stored value should be
   * sealed again (`seal`) before the previous secret is retired. Throws when neither key opens it.
   */
  openAny(sealed: string, webhookId: string): { secret: string; sealedUnderPrevious: boolean } {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('unreadable webhook secret');
    for (const key of [this.key, this.previousKey]) {
      if (!key) continue;
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(webhookId))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        const secret = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
        return { secret: secret.toString('utf8'), sealedUnderPrevious: key !== this.key };
      } catch {
        // not this key
      }
    }
    throw new Error('webhook secret does not decrypt under AUTH_TOKEN_SECRET or AUTH_TOKEN_PREVIOUS_SECRET');
  }
}
