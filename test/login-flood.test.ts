import { randomBytes } from 'node:crypto';
import { expectError } from './support/errors.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const FLOOD = 80;

describe('a login flood', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_PASSWORD_HASH_CONCURRENCY: '2', AUTH_PASSWORD_HASH_QUEUE: '4' });
  });
  afterAll(() => t.close());

  it('gets 503 AUTH.BUSY beyond the bounded hashing queue, while health and the board keep answering 200', async () => {
    let flooding = true;
    const logins = Promise.all(
      Array.from({ length: FLOOD }, (_, i) =>
        t.request({
          method: 'POST',
          url: i % 2 ? '/api/v1/auth/login' : '/api/v1/company/session',
          payload: { username: `flood.${randomBytes(4).toString('hex')}`, password: `wrong password ${i}` },
        }),
      ),
    ).finally(() => {
      flooding = false;
    });

    const during: TestResponse[] = [];
    while (flooding) {
      during.push(await t.request({ method: 'GET', url: '/health' }));
      during.push(await t.request({ method: 'GET', url: '/api/v1/gates/HUU_NGHI/board' }));
    }
    const answers = await logins;

    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during.map((res) => res.statusCode)).toEqual(during.map(() => 200));

    const statuses = answers.map((res) => res.statusCode);
    expect(statuses.filter((status) => status !== 401 && status !== 503)).toEqual([]);
    // At most 2 running + 4 waiting at any moment: most of a burst this size is turned away without hashing.
    const busy = answers.filter((res) => res.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const res of busy) {
      const body = expectError(res, 503, 'AUTH.BUSY');
      expect(body.details).toEqual({ retryAfterSeconds: 2 });
      expect(res.headers['retry-after']).toBe('2');
    }
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(6);
  });
});
