import { RedisNotReady } from '../queue/redis.js';
import { failOpenReason, RateLimitStoreStalled, RateLimitStoreTimeout } from './fail-open.js';

describe('fail-open reason', () => {
  it('tells a slow store from a stalled one, an unreachable one and anything else', () => {
    expect(failOpenReason(new RateLimitStoreTimeout(100))).toBe('timeout');
    expect(failOpenReason(new RateLimitStoreStalled())).toBe('stalled');
    expect(failOpenReason(new RedisNotReady('reconnecting'))).toBe('unavailable');
    expect(failOpenReason(new Error('Connection is closed.'))).toBe('unavailable');
    expect(failOpenReason(new Error('ERR Error running script'))).toBe('error');
    expect(failOpenReason('not an error')).toBe('error');
  });
});
