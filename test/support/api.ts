import type { TestApp, TestResponse } from './test-app.js';
import { eventually, idempotencyKey } from './factories.js';

export function submit(t: TestApp, apiKey: string, body: unknown, key = idempotencyKey()): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: '/api/v1/declarations',
    headers: { authorization: `Bearer ${apiKey}`, 'idempotency-key': key, 'content-type': 'application/json' },
    payload: body,
  });
}

export function getDeclaration(t: TestApp, apiKey: string, id: string): Promise<TestResponse> {
  return t.request({
    method: 'GET',
    url: `/api/v1/declarations/${id}`,
    headers: { authorization: `Bearer ${apiKey}` },
  });
}

/** Waits until screening has settled the declaration and returns it. */
export async function settled(t: TestApp, apiKey: string, id: string, timeoutMs = 10_000): Promise<any> {
  return eventually(
    async () => {
      const res = await getDeclaration(t, apiKey, id);
      const body = res.json();
      return body.status === 'submitted' ? undefined : body;
    },
    timeoutMs,
    `declaration ${id} to leave submitted`,
  );
}

export async function countDeclarations(t: TestApp): Promise<number> {
  const row = await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration');
  return row!.n;
}
