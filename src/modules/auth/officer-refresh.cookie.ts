import type { FastifyRequest } from 'fastify';
import { readCookie } from '../../common/http/cookie.js';

/** The cookie that carries an officer's refresh token; sent only to the sign-in endpoints under its path. */
export const OFFICER_REFRESH_COOKIE = 'bg_officer_refresh';
export const OFFICER_REFRESH_COOKIE_PATH = '/api/v1/auth';

export const officerRefreshToken = (request: FastifyRequest): string | null =>
  readCookie(request.headers.cookie, OFFICER_REFRESH_COOKIE);

/**
 * Set-Cookie for a refresh token: unreadable by scripts, never sent cross-site nor to any other path, Secure when
 * the request came over HTTPS (X-Forwarded-Proto counts only with HTTP_TRUST_PROXY). `maxAgeSeconds` 0 clears it.
 */
export function officerRefreshCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  return [
    `${OFFICER_REFRESH_COOKIE}=${token}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    `Path=${OFFICER_REFRESH_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ');
}
