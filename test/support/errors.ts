import type { TestResponse } from './test-app.js';

const ERROR_KEYS = ['statusCode', 'code', 'message', 'details', 'requestId'];

/** Status, code, the one error shape (no other keys), and the request id echoed in the header. */
export function expectError(res: TestResponse, status: number, code: string | RegExp): Record<string, any> {
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toEqual({ status, body: expect.any(String) });
  const body = res.json();
  expect(Object.keys(body).filter((k) => !ERROR_KEYS.includes(k))).toEqual([]);
  expect(body).toEqual(
    expect.objectContaining({
      statusCode: status,
      code: typeof code === 'string' ? code : expect.stringMatching(code),
      message: expect.stringMatching(/\S/),
      requestId: expect.stringMatching(/^[\w-]{1,64}$/),
    }),
  );
  expect(res.headers['x-request-id']).toBe(body.requestId);
  return body;
}
