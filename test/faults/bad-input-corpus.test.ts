import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { submit } from '../support/api.js';
import { createCompanyUser, portalHeaders, signIn } from '../support/company-people.js';
import { expectError } from '../support/errors.js';
import { declarationBody, idempotencyKey } from '../support/factories.js';
import { officer, type TestOfficer } from '../support/officers.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

// A property-based corpus of bad input against every endpoint that reads a body, a query or a path parameter:
// whatever arrives, the answer is never a 5xx, every refusal is in the one coded error shape, and nothing of a
// refused request is stored. Runs are bounded and seeded: a failure prints the seed and the shrunk request, and
// `FC_SEED=<seed>` replays it.
const SEED = Number(process.env.FC_SEED ?? 20261207);
const RUNS = Number(process.env.FC_RUNS ?? 100);

/** Raw request text, shown shortened when fast-check reports it (a 70 kB counterexample helps nobody). */
class Raw {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    const shown = this.text.length > 300 ? `${this.text.slice(0, 300)}… (${this.text.length} characters)` : this.text;
    return JSON.stringify(shown);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// JSON number tokens no field accepts: JSON.parse turns the first two into ±Infinity.
const RAW_BAD_NUMBERS = ['1e309', '-1e400', '1.5', '-1', '9007199254740993', '1e-400000'];
// Strings that look like numbers to a lenient parser.
const NUMBER_LIKE_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x1F', '1_000', ' 12 ', '', '١٢٣', '１２'];
// Characters that break naive code: NUL, a lone surrogate, a right-to-left override, a four-byte letter, a ligature.
const EDGE_CHARACTERS = ['\u0000', '\ud800', '\udfff', '\u202e', '𝕏', 'ﷺ', 'é', '\u200b', '\ufeff', '"', '\\'];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', ''];

const jsonTypeOf = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 30_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** A string longer than any field allows (past the body limit too, sometimes), made of awkward characters. */
const hugeString = fc
  .tuple(fc.constantFrom(...EDGE_CHARACTERS, 'a'), fc.constantFrom(3_000, 10_000, 70_000))
  .map(([unit, n]) => JSON.stringify(unit.repeat(n)));

/** Raw JSON text for a value of the wrong kind for `original` (never one the field could accept). */
function wrongValueFor(original: unknown, optional = false): fc.Arbitrary<string> {
  const otherType = fc
    .jsonValue({ maxDepth: 3 })
    // null is how a client leaves an optional field out: not wrong.
    .filter((v) => jsonTypeOf(v) !== jsonTypeOf(original) && !(optional && v === null))
    .map((v) => JSON.stringify(v));
  const choices: fc.Arbitrary<string>[] = [otherType, deeplyNested];
  if (typeof original === 'string') choices.push(hugeString);
  if (typeof original !== 'string') choices.push(fc.constantFrom(...NUMBER_LIKE_STRINGS).map((s) => JSON.stringify(s)));
  if (typeof original !== 'number') choices.push(fc.constantFrom(...RAW_BAD_NUMBERS));
  else choices.push(fc.constantFrom(...RAW_BAD_NUMBERS.filter((n) => n !== '9007199254740993')));
  return fc.oneof(...choices);
}

/** Every path in a JSON object, objects and leaves: `['cargo']`, `['cargo', 'grossWeightKg']`, … */
function pathsOf(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function valueAt(value: Json, path: string[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key], value);
}

const HOLE = '\u0000hole\u0000';

/** `sample` as JSON text with the value at `path` replaced by raw JSON text (which may be what JSON.stringify never writes). */
function withRawValue(sample: Json, path: string[], raw: string): string {
  const copy = structuredClone(sample);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string, Json>;
  parent[path[path.length - 1]] = HOLE;
  return JSON.stringify(copy).replace(JSON.stringify(HOLE), () => raw);
}

function withoutKey(sample: Record<string, Json>, key: string): string {
  const copy = { ...sample };
  delete copy[key];
  return JSON.stringify(copy);
}

/** Raw bodies an endpoint whose valid body looks like `sample` must refuse. */
function badBodies(sample: Record<string, Json>, required: string[]): fc.Arbitrary<string> {
  const paths = pathsOf(sample);
  const isOptional = (path: string[]): boolean => path.length === 1 && !required.includes(path[0]);
  const sampleText = JSON.stringify(sample);
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  const extraKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_NAMES),
    fc.string({ unit: 'binary', maxLength: 20 }).filter((k) => !(k in sample)),
  );
  const generators: fc.Arbitrary<string>[] = [
    // Arbitrary JSON, or arbitrary objects, in place of the whole body.
    anyJson.filter((v) => JSON.stringify(v) !== '{}' || required.length > 0).map((v) => JSON.stringify(v)),
    deeplyNested,
    hugeString,
    // One field of the wrong kind, anywhere in the body.
    fc
      .constantFrom(...paths)
      .chain((path) =>
        wrongValueFor(valueAt(sample, path), isOptional(path)).map((raw) => withRawValue(sample, path, raw)),
      ),
    // An unknown field, at the top or inside a nested object.
    fc
      .tuple(
        fc.constantFrom([], ...paths.filter((p) => jsonTypeOf(valueAt(sample, p)) === 'object')),
        extraKey,
        anyJson,
      )
      .map(([path, key, value]) => {
        const copy = structuredClone(sample);
        const target = valueAt(copy, path) as Record<string, Json>;
        const text = JSON.stringify(copy);
        // Written by hand: assigning `__proto__` on an object would set its prototype, not add a key.
        const inner = JSON.stringify(target);
        const widened = `${inner.slice(0, -1)}${inner.length > 2 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`;
        return path.length === 0 ? widened : text.replace(inner, () => widened);
      }),
    // The same key twice in the raw text: the last (wrong) value wins, or the parser refuses.
    fc
      .constantFrom(...Object.keys(sample))
      .chain((key) =>
        wrongValueFor(sample[key], isOptional([key])).map(
          (raw) => `${sampleText.slice(0, -1)},${JSON.stringify(key)}:${raw}}`,
        ),
      ),
  ];
  if (required.length > 0) generators.push(fc.constantFrom(...required).map((key) => withoutKey(sample, key)));
  return fc.oneof(...generators);
}

/** Query strings of known and unknown names, repeated names, odd values and broken percent-encoding. */
function badQueries(names: string[]): fc.Arbitrary<string> {
  const encode = (text: string): string =>
    [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  const name = fc.oneof(
    fc.constantFrom(...names, ...names.map((n) => `${n}[]`), ...PROTOTYPE_NAMES),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }).map(encode),
    fc.constantFrom(...NUMBER_LIKE_STRINGS, ...RAW_BAD_NUMBERS).map(encode),
    fc.constantFrom('%', '%zz', '%ff%fe', '%c0%af', '%ed%a0%80', '%00'),
    fc.constantFrom(1_000, 5_000).map((n) => 'a'.repeat(n)),
  );
  return fc
    .array(fc.tuple(name, value), { maxLength: 6 })
    .map((pairs) => pairs.map(([n, v]) => `${encode(n)}=${v}`).join('&'));
}

/** A path segment: anything, percent-encoded byte by byte, or broken encodings. */
const badSegment = fc.oneof(
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 60 })
    .map((s) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%zz', '%ff', '%ed%a0%80', '..', '%2e%2e%2f', 'a'.repeat(2_000), '-0', '1e309', 'NaN'),
);

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (input: string) => string;
  headers: () => Record<string, string>;
  /** What to send: raw JSON bodies, query strings or path segments. */
  inputs: () => fc.Arbitrary<string>;
  /** Where the input goes. */
  carries: 'body' | 'query' | 'path';
  /** Reads may answer 200; writes must refuse every input. */
  reads?: boolean;
}

describe('a corpus of bad input against every endpoint that reads one', () => {
  let t: TestApp;
  let apiKey: string;
  let declarationId: string;
  let portal: Record<string, string>;
  let supervisor: TestOfficer;
  let borderGuard: TestOfficer;
  let customs: TestOfficer;
  const endpoints: Endpoint[] = [];

  // What a refused request could have written, row by row; counts where rows change by themselves (last use).
  const FINGERPRINTED = [
    'declaration',
    'amendment_request',
    'clearance_step',
    'company_user',
    'webhook',
    'officer',
    'gate',
  ];
  const COUNTED = ['declaration_event', 'outbox_message', 'api_key', 'officer_change', 'company', 'gate_day_load'];
  async function stored(): Promise<Record<string, string>> {
    const parts = [
      ...FINGERPRINTED.map(
        (table) =>
          `SELECT '${table}' AS t, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS v FROM ${table} x`,
      ),
      ...COUNTED.map((table) => `SELECT '${table}' AS t, count(*)::text AS v FROM ${table}`),
    ];
    const rows = await t.sql.rows<{ t: string; v: string }>(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, r.v]));
  }

  beforeAll(async () => {
    // The API alone: no worker changes rows behind the corpus's back; rate limits off so every request is judged.
    t = await startTestApp({ APP_ROLE: 'api', RATE_LIMIT_PUBLIC_PER_MIN: '0', RATE_LIMIT_COMPANY_PER_MIN: '0' });
    const company = await t.createCompany('Corpus Transport Co');
    apiKey = company.apiKey;
    const submitted = await submit(t, apiKey, declarationBody());
    expect(submitted.statusCode).toBe(202);
    declarationId = submitted.json().id;
    const admin = await createCompanyUser(t, company.id, 'admin');
    portal = portalHeaders(await signIn(t, admin.username), true);
    [supervisor, borderGuard, customs] = await Promise.all([
      officer(t, 'supervisor', ['HUU_NGHI']),
      officer(t, 'border_guard', ['HUU_NGHI']),
      officer(t, 'customs', ['HUU_NGHI']),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const company = (): Record<string, string> => ({
    authorization: `Bearer ${apiKey}`,
    'idempotency-key': idempotencyKey(),
  });
  const as = (who: () => TestOfficer) => (): Record<string, string> => ({
    ...who().headers,
    'idempotency-key': idempotencyKey(),
  });
  const body =
    (sample: Record<string, Json>, required: string[] = Object.keys(sample)) =>
    () =>
      badBodies(sample, required);
  const validDeclaration = (): Record<string, Json> => declarationBody() as unknown as Record<string, Json>;

  endpoints.push(
    {
      name: 'officer login',
      method: 'POST',
      url: () => '/api/v1/auth/login',
      headers: () => ({}),
      carries: 'body',
      inputs: body({ username: 'an.nguyen', password: 'correct horse battery staple' }),
    },
    {
      name: 'company portal sign-in',
      method: 'POST',
      url: () => '/api/v1/company/session',
      headers: () => ({}),
      carries: 'body',
      inputs: body({ username: 'tran.binh', password: 'correct horse battery staple' }),
    },
    {
      name: 'company users: create',
      method: 'POST',
      url: () => '/api/v1/company/users',
      headers: () => portal,
      carries: 'body',
      inputs: body({ username: 'le.cuong', password: 'correct horse battery staple', role: 'clerk' }),
    },
    {
      name: 'company API keys: create',
      method: 'POST',
      url: () => '/api/v1/company/api-keys',
      headers: () => portal,
      carries: 'body',
      inputs: body({ name: 'TMS' }),
    },
    {
      name: 'declarations: submit',
      method: 'POST',
      url: () => '/api/v1/declarations',
      headers: company,
      carries: 'body',
      inputs: () =>
        badBodies(validDeclaration(), ['gate', 'direction', 'expectedArrivalAt', 'vehicle', 'driver', 'cargo']),
    },
    {
      name: 'declarations: amend',
      method: 'PATCH',
      url: () => `/api/v1/declarations/${declarationId}`,
      headers: company,
      carries: 'body',
      inputs: body({ cargo: validDeclaration().cargo, driver: validDeclaration().driver }, []),
    },
    {
      name: 'declarations: list',
      method: 'GET',
      url: (q) => `/api/v1/declarations?${q}`,
      headers: company,
      carries: 'query',
      reads: true,
      inputs: () => badQueries(['status', 'plate', 'gate', 'direction', 'from', 'to', 'limit', 'cursor']),
    },
    {
      name: 'declarations: read, by id',
      method: 'GET',
      url: (id) => `/api/v1/declarations/${id}`,
      headers: company,
      carries: 'path',
      reads: true,
      inputs: () => badSegment,
    },
    {
      name: 'declarations: cancel, by id',
      method: 'POST',
      url: (id) => `/api/v1/declarations/${id}/cancel`,
      headers: company,
      carries: 'path',
      inputs: () => badSegment,
    },
    {
      name: 'webhooks: create',
      method: 'POST',
      url: () => '/api/v1/webhooks',
      headers: company,
      carries: 'body',
      inputs: body({ url: 'https://tms.example.vn/hooks/border-gate', events: ['declaration.accepted'] }),
    },
    {
      name: 'webhooks: deliveries',
      method: 'GET',
      url: (q) => `/api/v1/webhooks/${randomUUID()}/deliveries?${q}`,
      headers: company,
      carries: 'query',
      reads: true,
      inputs: () => badQueries(['limit', 'cursor', 'status']),
    },
    {
      name: 'officer: check-in',
      method: 'POST',
      url: () => '/api/v1/gates/HUU_NGHI/check-ins',
      headers: as(() => borderGuard),
      carries: 'body',
      inputs: body({ plate: '12C-123.45', qrToken: 'x'.repeat(40) }, []),
    },
    {
      name: 'officer: step decision (fee included)',
      method: 'POST',
      url: () => `/api/v1/steps/${randomUUID()}/decision`,
      headers: as(() => customs),
      carries: 'body',
      inputs: body({ decision: 'pass', note: 'ok', paymentReference: 'PT-1', expectedVersion: 1 }, ['decision']),
    },
    {
      name: 'officer: exit',
      method: 'POST',
      url: () => '/api/v1/gates/HUU_NGHI/exits',
      headers: as(() => borderGuard),
      carries: 'body',
      inputs: body({ plate: '12C-123.45' }),
    },
    {
      name: 'officer: claim, by agency',
      method: 'POST',
      url: (agency) => `/api/v1/gates/HUU_NGHI/queues/${agency}/claim`,
      headers: as(() => customs),
      carries: 'path',
      inputs: () => badSegment,
    },
    {
      name: 'officer: amendment decision',
      method: 'POST',
      url: () => `/api/v1/amendment-requests/${randomUUID()}/decision`,
      headers: as(() => supervisor),
      carries: 'body',
      inputs: body({ decision: 'approve', note: 'ok' }, ['decision']),
    },
    {
      name: 'gates: close',
      method: 'POST',
      url: () => '/api/v1/gates/HUU_NGHI/close',
      headers: as(() => supervisor),
      carries: 'body',
      inputs: body({ reason: 'storm' }),
    },
    {
      name: 'gates: open, by gate',
      method: 'POST',
      url: (gate) => `/api/v1/gates/${gate}/open`,
      headers: as(() => supervisor),
      carries: 'path',
      inputs: () => badSegment,
    },
    {
      name: 'officer admin: create',
      method: 'POST',
      url: () => '/api/v1/officers',
      headers: as(() => supervisor),
      carries: 'body',
      inputs: body({
        username: 'pham.dung',
        password: 'correct horse battery staple',
        agency: 'customs',
        gates: ['HUU_NGHI'],
      }),
    },
    {
      name: 'officer admin: postings',
      method: 'PUT',
      url: () => `/api/v1/officers/${customs.id}/postings`,
      headers: as(() => supervisor),
      carries: 'body',
      inputs: body({ agency: 'customs', gates: ['HUU_NGHI'] }, ['gates']),
    },
    {
      name: 'officer admin: password',
      method: 'POST',
      url: () => `/api/v1/officers/${customs.id}/password`,
      headers: as(() => supervisor),
      carries: 'body',
      inputs: body({ password: 'correct horse battery staple' }),
    },
    {
      name: 'officer admin: list',
      method: 'GET',
      url: (q) => `/api/v1/officers?${q}`,
      headers: as(() => supervisor),
      carries: 'query',
      reads: true,
      inputs: () => badQueries(['gate']),
    },
    {
      name: 'statistics: daily',
      method: 'GET',
      url: (q) => `/api/v1/stats/daily?${q}`,
      headers: as(() => supervisor),
      carries: 'query',
      reads: true,
      inputs: () => badQueries(['gate', 'from', 'to']),
    },
    {
      name: 'public lookup: vehicle status',
      method: 'GET',
      url: (plate) => `/api/v1/vehicles/${plate}/status`,
      headers: () => ({}),
      carries: 'path',
      reads: true,
      inputs: () => badSegment,
    },
    {
      name: 'public board, by gate',
      method: 'GET',
      url: (gate) => `/api/v1/gates/${gate}/board`,
      headers: () => ({}),
      carries: 'path',
      reads: true,
      inputs: () => badSegment,
    },
  );

  function send(endpoint: Endpoint, input: string): Promise<TestResponse> {
    const headers = endpoint.headers();
    if (endpoint.carries !== 'body') return t.request({ method: endpoint.method, url: endpoint.url(input), headers });
    return t.request({
      method: endpoint.method,
      url: endpoint.url(input),
      headers: { ...headers, 'content-type': 'application/json' },
      payload: input,
    });
  }

  it.each(endpoints.map((e) => [e.name, e] as const))(
    '%s: never a 5xx, every refusal coded, nothing stored',
    async (_name, endpoint) => {
      const before = await stored();
      const codes = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          endpoint.inputs().map((text) => new Raw(text)),
          async ({ text: input }) => {
            const res = await send(endpoint, input);
            const what = `${endpoint.method} ${endpoint.url(endpoint.carries === 'body' ? '' : input).slice(0, 200)} ${endpoint.carries === 'body' ? input.slice(0, 200) : ''}`;
            expect({ what, status: res.statusCode, refused: res.statusCode >= 400 && res.statusCode < 500 }).toEqual({
              what,
              status: res.statusCode,
              refused: endpoint.reads && res.statusCode === 200 ? false : true,
            });
            if (res.statusCode >= 400) codes.add(expectError(res, res.statusCode, /^[A-Z_]+(\.[A-Z_]+)+$/).code);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(await stored()).toEqual(before);
      // The body reached validation, not only the guards: at least one answer named a field.
      if (endpoint.carries === 'body') expect([...codes]).toContain('REQUEST.VALIDATION_FAILED');
    },
  );
});
