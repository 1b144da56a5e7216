import type { FastifyRequest } from 'fastify';
import { readCookie } from '../../common/http/cookie.js';

/** The cookie that carries an officer's refresh token; sent only to the sign-in endpoints under its path. */
export const OFFICER_REFRESH_COOKIE = 'bg_officer_refresh';
export const OFFICER_REFRESH_COOKIE_PATH = '/api/v1/auth';

export const officerRefreshToken = (request: FastifyRequest): string | null =>
  readCookie(request.headers.cookie, OFFICER_REFRESH_COOKIE);

/**
 * Set-Cookie for a refresh token: unreadable by scripts, never sent cross-site nor to any other path, Secure when
 * the request came over HTTPS (X-Forwarded-Proto counts only with HTTP_TRUST_PROXY). A browser-session cookie (no
 * Max-Age): closing the browser at a shared desk drops it; the server ends it anyway at its idle or absolute
 * limit. `clear` removes it.
 */
export function officerRefreshCookie(request: FastifyRequest, token: string, clear = false): string {
  return [
    `${OFFICER_REFRESH_COOKIE}=${token}`,
    ...(clear ? ['Max-Age=0'] : []),
    `Path=${OFFICER_REFRESH_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ');
}
