import type { FastifyRequest } from 'fastify';
import { readCookie } from '../../common/http/cookie.js';

/** The cookie that carries a company portal sign-in: a random token whose SHA-256 names the session row. */
export const COMPANY_SESSION_COOKIE = 'bg_company_session';

/** The session token the request carries, or null. */
export const companySessionToken = (request: FastifyRequest): string | null =>
  readCookie(request.headers.cookie, COMPANY_SESSION_COOKIE);

/**
 * Set-Cookie for a sign-in: unreadable by scripts, never sent cross-site, Secure when the request came over HTTPS
 * (request.protocol: X-Forwarded-Proto counts only with HTTP_TRUST_PROXY). `maxAgeSeconds` 0 clears it.
 */
export function companySessionCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  return [
    `${COMPANY_SESSION_COOKIE}=${token}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ');
}

export { fromOwnOrigin } from '../../common/http/cookie.js';
