import { createHmac, timingSafeEqual } from 'node:crypto';

/** How many usernames one browser remembers having signed in with; the oldest are dropped. */
const MAX_ENTRIES = 8;
const ENTRY = /^([0-9a-z]{1,10})-([A-Za-z0-9_-]{22})$/;

/**
 * The browser a person has signed in from before. After a successful login the answer sets an HttpOnly cookie
 * holding, per username, when it was issued and an HMAC of (kind, username, time) under a key derived from
 * AUTH_TOKEN_SECRET. Nobody without that key can make one, so a stranger spraying wrong passwords cannot pass the
 * per-username wait that this browser passes. The cookie never carries the username itself.
 */
export class KnownDevices {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly kind: 'officer' | 'company',
    readonly lifetimeSeconds: number,
  ) {
    this.key = createHmac('sha256', secret).update('border-gate known device v1').digest();
  }

  /** Whether the cookie's value vouches for `username` and is not older than its lifetime. */
  recognises(cookie: string | null, username: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
    return this.entries(cookie).some(({ issuedAt, mac }) => {
      if (nowSeconds - issuedAt > this.lifetimeSeconds || issuedAt > nowSeconds + 60) return false;
      return timingSafeEqual(Buffer.from(mac), Buffer.from(this.mac(username, issuedAt)));
    });
  }

  /** The cookie's value after a successful login: this username freshly vouched for, the other entries kept. */
  valueAfterLogin(cookie: string | null, username: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
    const mine = this.mac(username, nowSeconds);
    const others = this.entries(cookie)
      .filter(
        ({ issuedAt, mac }) => nowSeconds - issuedAt <= this.lifetimeSeconds && mac !== this.mac(username, issuedAt),
      )
      .slice(-(MAX_ENTRIES - 1))
      .map(({ issuedAt, mac }) => `${issuedAt.toString(36)}-${mac}`);
    return [...others, `${nowSeconds.toString(36)}-${mine}`].join('.');
  }

  private entries(value: string | null): { issuedAt: number; mac: string }[] {
    if (!value || value.length > 400) return [];
    return value
      .split('.')
      .slice(-MAX_ENTRIES)
      .flatMap((entry) => {
        const match = ENTRY.exec(entry);
        return match ? [{ issuedAt: parseInt(match[1], 36), mac: match[2] }] : [];
      });
  }

  private mac(username: string, issuedAt: number): string {
    return createHmac('sha256', this.key)
      .update(`${this.kind}\n${username.toLowerCase()}\n${issuedAt}`)
      .digest('base64url')
      .slice(0, 22);
  }
}
