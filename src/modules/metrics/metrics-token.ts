import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Whether an Authorization header carries exactly `Bearer <token>`; compared in constant time. */
export function carriesMetricsToken(authorization: string | undefined, token: string): boolean {
  if (!token || !authorization?.startsWith('Bearer ')) return false;
  // Digests have equal length whatever was sent, so the comparison reveals nothing about the token's length.
  return timingSafeEqual(digest(authorization.slice('Bearer '.length)), digest(token));
}
