export const RATE_LIMIT_SCOPES = ['public', 'company'] as const;
export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

/** Fixed windows of one minute: the limits are configured per minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

// Route patterns as Fastify reports them (`request.routeOptions.url`), so a raw URL can never pick its scope.
const PUBLIC_ROUTES = [/^\/api\/v1\/vehicles(\/|$)/, /^\/api\/v1\/gates\/?$/, /^\/api\/v1\/gates\/:[^/]+\/board(\/|$)/];
const COMPANY_ROUTES = [/^\/api\/v1\/declarations(\/|$)/, /^\/api\/v1\/webhooks(\/|$)/, /^\/api\/v1\/company(\/|$)/];

/**
 * Which budget a route draws on: `public` (no authentication, per client address), `company` (company
 * routes: per API key, per company for the portal's sign-ins), or null (officer routes, health, metrics, the queue dashboard, unmatched URLs).
 */
export function rateLimitScope(route: string | undefined): RateLimitScope | null {
  if (!route) return null;
  if (PUBLIC_ROUTES.some((pattern) => pattern.test(route))) return 'public';
  if (COMPANY_ROUTES.some((pattern) => pattern.test(route))) return 'company';
  return null;
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
