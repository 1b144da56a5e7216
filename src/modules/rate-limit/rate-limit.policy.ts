import { isIPv4, isIPv6 } from 'node:net';

export type RateLimitScope = 'public' | 'company';

/** Fixed windows of one minute: the limits are configured per minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

// Route patterns as Fastify reports them (`request.routeOptions.url`), so a raw URL can never pick its scope.
const PUBLIC_ROUTES = [/^\/api\/v1\/vehicles(\/|$)/, /^\/api\/v1\/gates\/?$/, /^\/api\/v1\/gates\/:[^/]+\/board(\/|$)/];
const COMPANY_ROUTES = [/^\/api\/v1\/declarations(\/|$)/, /^\/api\/v1\/webhooks(\/|$)/];

/**
 * Which budget a route draws on: `public` (no authentication, per client address), `company` (API key
 * routes, per key), or null (officer routes, health, metrics, the queue dashboard, unmatched URLs).
 */
export function rateLimitScope(route: string | undefined): RateLimitScope | null {
  if (!route) return null;
  if (PUBLIC_ROUTES.some((pattern) => pattern.test(route))) return 'public';
  if (COMPANY_ROUTES.some((pattern) => pattern.test(route))) return 'company';
  return null;
}

function hextets(ip: string): number[] {
  const [head, tail = null] = ip.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number); // embedded IPv4 tail: two hextets
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === null ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The client a per-address budget belongs to. An IPv4 address is itself (also when written IPv4-mapped);
 * an IPv6 address counts as its /64, because one subscriber usually holds a whole /64 and could otherwise
 * take a fresh address, and a fresh budget, for every request.
 */
export function addressBucket(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  const words = hextets(ip.split('%')[0]); // zone index (fe80::1%eth0) is local detail
  return `${words
    .slice(0, 4)
    .map((word) => word.toString(16))
    .join(':')}::/64`;
}

/** One request's place in its window, however it was counted. */
export interface WindowDecision {
  allowed: boolean;
  /** Requests the window has left after this one. */
  remaining: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
  /** `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds), and `Retry-After` when refused. */
  headers: Record<string, string>;
}

/** The headers and Retry-After for a request under a limit of `limit` per window. */
export function rateLimitVerdict(limit: number, decision: WindowDecision): RateLimitVerdict {
  const resetSeconds = Math.max(1, Math.ceil(decision.resetMs / 1000));
  const headers: Record<string, string> = {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(decision.allowed ? Math.max(0, Math.min(limit, decision.remaining)) : 0),
    'ratelimit-reset': String(resetSeconds),
  };
  if (!decision.allowed) headers['retry-after'] = String(resetSeconds);
  return { allowed: decision.allowed, retryAfterSeconds: resetSeconds, headers };
}
