import { isRedisUnavailable } from '../queue/redis.js';

/** Why a request went through unchecked: the `reason` label of `border_gate_rate_limit_fail_open_total`. */
export type FailOpenReason = 'unavailable' | 'timeout' | 'stalled' | 'error';

export const FAIL_OPEN_REASONS: readonly FailOpenReason[] = ['unavailable', 'timeout', 'stalled', 'error'];

/** Redis did not answer a rate-limit call within its timeout; the call will not count when it runs late. */
export class RateLimitStoreTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`rate-limit store did not answer within ${timeoutMs} ms`);
  }
}

/** An earlier rate-limit call is still unanswered past its timeout, so this one was not sent. */
export class RateLimitStoreStalled extends Error {
  constructor() {
    super('rate-limit store is stalled: an earlier call is still unanswered');
  }
}

export function failOpenReason(error: unknown): FailOpenReason {
  if (error instanceof RateLimitStoreTimeout) return 'timeout';
  if (error instanceof RateLimitStoreStalled) return 'stalled';
  if (isRedisUnavailable(error)) return 'unavailable';
  return 'error';
}
