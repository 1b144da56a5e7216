import type { TestApp, TestResponse } from './test-app.js';
import { eventually, idempotencyKey } from './factories.js';

function submitHeaders(
  apiKey: string,
  key: string,
  changes: Record<string, string | undefined> = {},
): Record<string, string> {
  const all = {
    authorization: `Bearer ${apiKey}`,
    'idempotency-key': key,
    'content-type': 'application/json',
    ...changes,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

export function submit(t: TestApp, apiKey: string, body: unknown, key = idempotencyKey()): Promise<TestResponse> {
  return t.request({ method: 'POST', url: '/api/v1/declarations', headers: submitHeaders(apiKey, key), payload: body });
}

/**
 * Submits with some headers replaced, or left out where `changes` gives `undefined`; returns the fresh
 * idempotency key beside the response (the key sent, unless `changes` replaced it).
 */
export function submitWithHeaders(
  t: TestApp,
  apiKey: string,
  body: unknown,
  changes: Record<string, string | undefined> = {},
): { key: string; response: Promise<TestResponse> } {
  const key = idempotencyKey();
  const headers = submitHeaders(apiKey, key, changes);
  return { key, response: t.request({ method: 'POST', url: '/api/v1/declarations', headers, payload: body }) };
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

/** What the capacity ledger counts as accepted at a gate, in a direction, on the gate's local day of `at`. */
export async function acceptedOnDay(t: TestApp, gate: string, direction: string, at: string): Promise<number> {
  const row = await t.sql.one<{ accepted: number }>(
    `SELECT accepted FROM gate_day_load WHERE gate_code = $1 AND direction = $2
        AND day = ($3::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    [gate, direction, at],
  );
  if (!row) throw new Error(`no capacity ledger row for ${gate} ${direction} on the day of ${at}`);
  return row.accepted;
}
