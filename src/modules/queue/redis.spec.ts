import { isRedisUnavailable, RedisNotReady } from './redis.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isRedisUnavailable', () => {
  it('recognises what a lost or unreachable Redis throws', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:6379', 'ECONNREFUSED'),
      withCode('getaddrinfo ENOTFOUND redis', 'ENOTFOUND'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      withCode('connect ETIMEDOUT', 'ETIMEDOUT'),
      Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
      new Error('Connection is closed.'),
      new RedisNotReady('reconnecting'),
    ]) {
      expect(isRedisUnavailable(error)).toBe(true);
    }
  });

  it('leaves every other error to its caller', () => {
    for (const error of [
      new Error('OOM command not allowed when used memory > maxmemory'),
      new Error('Command timed out'), // slow, not gone: worth its own warning
      new Error('rate-limit lease timed out after 500 ms'),
      new Error('Missing key for job 1. moveToFinished'),
      'ECONNREFUSED',
      undefined,
    ]) {
      expect(isRedisUnavailable(error)).toBe(false);
    }
  });
});
