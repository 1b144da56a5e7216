import type { FastifyRequest } from 'fastify';

/**
 * The value of cookie `name` in a Cookie header, or null. Values are taken as sent (tokens need no decoding). By
 * hand rather than @fastify/cookie: the service reads two cookies of its own making and sets each in one place,
 * which a plugin (and a dependency) would not make simpler.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * Whether the request's Origin header, when it sends one, names this service (the same host and port as the
 * request was addressed to). Browsers send Origin on every cross-origin and every unsafe request.
 */
export function fromOwnOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) or garbage: not us
  }
}
