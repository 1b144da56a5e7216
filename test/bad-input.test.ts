import { submit, submitWithHeaders } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody, idempotencyKey } from './support/factories.js';
import { startWithCompany, type TestApp, type TestCompany, type TestResponse } from './support/test-app.js';

// Every malformed request gets a clear 4xx naming the offending field, in the one public error shape;
// nothing a client sends may produce a 500 or change stored data.

type Json = Record<string, unknown>;

const REMOVE = Symbol('remove');

/** A valid declaration body (fresh plate) as a plain JSON object. */
function validBody(): Json {
  return structuredClone({ ...declarationBody() });
}

/** A valid body with one field (dotted path) replaced, or removed with REMOVE. */
function withField(path: string, value: unknown): Json {
  const body = validBody();
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  const last = keys[keys.length - 1];
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return body;
}

/** A timestamp whose day does not exist (30 February), yet within `maxDays` of now, with an offset. */
function impossibleDate(maxDays: number): string {
  const year = new Date().getUTCFullYear();
  for (const y of [year - 1, year, year + 1]) {
    const candidate = `${y}-02-30T08:00:00+07:00`;
    // V8 rolls 30 February over to 2 March; pick the one the validator's time window lets through.
    const at = Date.parse(candidate);
    if (at > Date.now() + 3_600_000 && at < Date.now() + maxDays * 86_400_000) return candidate;
  }
  throw new Error('no 30 February within range');
}

function pastImpossibleDate(): string {
  return `${new Date().getUTCFullYear() - 1}-02-30T00:00:00Z`;
}

/** Tomorrow at 08:00 local time written with `offset`: within every time window, so only the offset can be wrong. */
function arrivalWithOffset(offset: string): string {
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T08:00:00${offset}`;
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

interface BodyCase {
  name: string;
  body: () => unknown;
  field: string;
}

/** [what is wrong, field path, bad value]: a valid body with that one defect; the answer must name the field. */
const DEFECTS: [name: string, field: string, value: unknown][] = [
  // unknown fields
  ['an unknown top-level field', 'color', 'red'],
  ['an unknown field inside vehicle', 'vehicle.color', 'red'],
  ['an unknown field inside cargo', 'cargo.owner', { id: 1 }],
  // unknown fields named like what every object inherits: refused like any other name
  ['an unknown top-level field named toString', 'toString', 'x'],
  ['an unknown top-level field named hasOwnProperty', 'hasOwnProperty', 1],
  ['an unknown top-level field named prototype', 'prototype', { x: 1 }],
  ['an unknown field named valueOf inside vehicle', 'vehicle.valueOf', 'x'],
  ['an unknown field named isPrototypeOf inside cargo', 'cargo.isPrototypeOf', true],
  // wrong types and missing fields
  ['cargo.perishable as the string "false"', 'cargo.perishable', 'false'],
  ['cargo.perishable as 0', 'cargo.perishable', 0],
  ['cargo.grossWeightKg as the string "12"', 'cargo.grossWeightKg', '12'],
  ['cargo.grossWeightKg as a fraction 12.5', 'cargo.grossWeightKg', 12.5],
  ['vehicle as a string', 'vehicle', 'x'],
  ['driver as null', 'driver', null],
  ['a missing cargo', 'cargo', REMOVE],
  ['a missing vehicle.plate', 'vehicle.plate', REMOVE],
  ['vehicle.plate as a number', 'vehicle.plate', 1212345],
  ['driver.fullName as a number', 'driver.fullName', 42],
  ['expectedArrivalAt as epoch milliseconds', 'expectedArrivalAt', Date.now() + 3_600_000],
  // out-of-range enums
  ['gate "MONG_CAI" (not a gate of this service)', 'gate', 'MONG_CAI'],
  ['gate "huu-nghi" (any letter case is taken, a hyphen is not)', 'gate', 'huu-nghi'],
  ['direction "transit"', 'direction', 'transit'],
  ['vehicle.nationality "US"', 'vehicle.nationality', 'US'],
  ['driver.nationality "vn" in lower case', 'driver.nationality', 'vn'],
  // blank, oversize and hostile strings
  ['an empty driver.fullName', 'driver.fullName', ''],
  ['a whitespace-only driver.fullName', 'driver.fullName', '   '],
  ['a driver.fullName of tabs and newlines only', 'driver.fullName', '\t\n\r\n'],
  ['a driver.fullName of no-break and ideographic spaces only', 'driver.fullName', '\u00a0\u3000'],
  ['a driver.fullName of zero-width spaces only (nothing visible)', 'driver.fullName', '\u200b\u200b'],
  ['a whitespace-only cargo.description', 'cargo.description', ' \t '],
  ['a cargo.description of 501 characters', 'cargo.description', 'x'.repeat(501)],
  ['a driver.fullName of 121 characters', 'driver.fullName', 'A'.repeat(121)],
  ['a driver.documentNumber of 19 characters', 'driver.documentNumber', '1'.repeat(19)],
  ['a NUL byte in driver.fullName', 'driver.fullName', 'An\u0000'],
  ['a NUL byte in cargo.description', 'cargo.description', '\u0000Fruit'],
  ['a NUL byte in vehicle.plate', 'vehicle.plate', '12C-123.45\u0000'],
  ['a BEL control character in driver.fullName', 'driver.fullName', 'An\u0007'],
  ['an ANSI escape sequence in cargo.description', 'cargo.description', '\u001b[31mRed\u001b[0m'],
  ['a DEL control character in driver.fullName', 'driver.fullName', 'An\u007f'],
  ['a vertical tab in driver.fullName', 'driver.fullName', 'Nguyễn\u000bAn'],
  ['a C1 control character CSI (U+009B) in driver.fullName', 'driver.fullName', 'An\u009b31m'],
  ['a C1 control character NEL (U+0085) in cargo.description', 'cargo.description', 'Fruit\u0085'],
  // absurd numbers
  ['a negative cargo.grossWeightKg', 'cargo.grossWeightKg', -1],
  ['cargo.grossWeightKg 1e9', 'cargo.grossWeightKg', 1e9],
  ['cargo.grossWeightKg 1e308', 'cargo.grossWeightKg', 1e308],
  ['cargo.grossWeightKg just above the limit (100001)', 'cargo.grossWeightKg', 100_001],
  // absurd dates
  ['expectedArrivalAt a thousand years ahead', 'expectedArrivalAt', '3026-01-01T00:00:00Z'],
  ['expectedArrivalAt in 1999', 'expectedArrivalAt', '1999-01-01T00:00:00Z'],
  ['expectedArrivalAt "not a date"', 'expectedArrivalAt', 'not a date'],
  ['expectedArrivalAt as a bare date', 'expectedArrivalAt', '2026-11-27'],
  ['expectedArrivalAt without an offset', 'expectedArrivalAt', '2026-11-27T08:00:00'],
  ['expectedArrivalAt with month 13 and hour 99', 'expectedArrivalAt', '2026-13-45T99:00:00Z'],
  ['expectedArrivalAt on a day that does not exist (30 February)', 'expectedArrivalAt', impossibleDate(300)],
  ['an empty expectedArrivalAt', 'expectedArrivalAt', ''],
  ['expectedArrivalAt with the offset +14:59 (no zone uses it)', 'expectedArrivalAt', arrivalWithOffset('+14:59')],
  ['expectedArrivalAt with the offset +05:17', 'expectedArrivalAt', arrivalWithOffset('+05:17')],
  ['expectedArrivalAt with the offset -13:00', 'expectedArrivalAt', arrivalWithOffset('-13:00')],
  // text that is not Unicode: half a surrogate pair on its own (JSON's "\ud800" escape)
  ['a lone high surrogate in driver.fullName', 'driver.fullName', 'Nguy\ud800n An'],
  ['a lone low surrogate in cargo.description', 'cargo.description', '\udc00Fruit'],
  ['a reversed surrogate pair in vehicle.plate', 'vehicle.plate', '12C-123.45\udc00\ud800'],
  // invalid identifiers
  ['a plate with a zero-width space', 'vehicle.plate', '12C-123.4\u200b5'],
  ['a plate with a Cyrillic look-alike letter (12С-123.45)', 'vehicle.plate', '12\u0421-123.45'],
  ['a plate with a Greek look-alike letter (12Κ-123.45)', 'vehicle.plate', '12\u039a-123.45'],
  ['a plate with a right-to-left override', 'vehicle.plate', '\u202e12C-123.45'],
  ['a plate from an unknown province (09C)', 'vehicle.plate', '09C-123.45'],
  ['a trailer plate as the vehicle plate', 'vehicle.plate', '12R-012.34'],
  ['a trailerPlate that is not a trailer plate', 'vehicle.trailerPlate', '12C-012.34'],
  ['vehicle.nationality CN for a Vietnamese plate', 'vehicle.nationality', 'CN'],
  ['a container number with a wrong ISO 6346 check digit', 'vehicle.containerNumber', 'CSQU3054384'],
  ['an HS code of 7 digits', 'cargo.hsCode', '0810905'],
  ['an HS code in the reserved chapter 77', 'cargo.hsCode', '77010000'],
  ['a customs declaration number of 11 digits', 'cargo.customsDeclarationNumber', '30512345678'],
  ['driver document "123" for a Vietnamese driver', 'driver.documentNumber', '123'],
  ['a Vietnamese citizen ID from an unknown province (000)', 'driver.documentNumber', '000090001234'],
  ['a phone number not in E.164 (0912345678)', 'driver.phone', '0912345678'],
];

const FIELD_CASES: BodyCase[] = [
  ...DEFECTS.map(([name, field, value]) => ({ name, body: () => withField(field, value), field })),
  {
    name: 'vehicle as an array holding a valid vehicle',
    body: () => withField('vehicle', [validBody().vehicle]),
    field: 'vehicle',
  },
  {
    name: 'a Chinese resident ID with a wrong check character',
    body: () => ({
      ...validBody(),
      driver: { fullName: '李伟', documentNumber: '110105194912310021', nationality: 'CN', phone: '+8613812345678' },
    }),
    field: 'driver.documentNumber',
  },
  // bodies that are not a JSON object
  { name: 'a JSON array body', body: () => '[]', field: 'body' },
  { name: 'a JSON array holding a valid declaration', body: () => JSON.stringify([validBody()]), field: 'body' },
  { name: 'a JSON string body', body: () => '"declaration"', field: 'body' },
  { name: 'a JSON number body', body: () => '42', field: 'body' },
  { name: 'a JSON null body', body: () => 'null', field: 'body' },
  { name: 'a JSON boolean body', body: () => 'true', field: 'body' },
];

/** Bodies Fastify cannot parse as JSON. */
const INVALID_JSON_CASES: { name: string; body: () => string }[] = [
  { name: 'truncated JSON', body: () => '{"gate":' },
  { name: 'an empty body', body: () => '' },
  { name: 'JSON with a trailing comma', body: () => '{"gate":"HUU_NGHI",}' },
  { name: 'single-quoted pseudo-JSON', body: () => "{'gate':'HUU_NGHI'}" },
  { name: 'a __proto__ key (prototype poisoning)', body: () => '{"__proto__":{"isAdmin":true}}' },
  { name: 'a constructor.prototype key (prototype poisoning)', body: () => '{"constructor":{"prototype":{"x":1}}}' },
];

/** Deeply nested JSON, well under the body limit. */
const DEEP_CASES: { name: string; body: () => string }[] = [
  {
    name: 'an unknown field holding arrays nested 10 000 deep',
    body: () => JSON.stringify(validBody()).replace(/}$/, `,"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
  },
  {
    name: 'vehicle.color holding objects nested 5 000 deep',
    body: () =>
      JSON.stringify(validBody()).replace(
        '"vehicle":{',
        `"vehicle":{"color":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)},`,
      ),
  },
];

const QUERY_CASES: { name: string; query: () => string; field: string }[] = [
  { name: 'limit=0', query: () => 'limit=0', field: 'limit' },
  { name: 'limit=abc', query: () => 'limit=abc', field: 'limit' },
  { name: 'limit=1000', query: () => 'limit=1000', field: 'limit' },
  { name: 'limit=1.5', query: () => 'limit=1.5', field: 'limit' },
  { name: 'status=flying', query: () => 'status=flying', field: 'status' },
  { name: 'an unknown parameter foo=1', query: () => 'foo=1', field: 'foo' },
  { name: 'cursor=!!!', query: () => 'cursor=!!!', field: 'cursor' },
  { name: 'a base64url cursor of garbage', query: () => `cursor=${base64url('garbage')}`, field: 'cursor' },
  {
    name: 'a base64url cursor whose time is not a date',
    query: () => `cursor=${base64url('not-a-date|00000000-0000-4000-8000-000000000000')}`,
    field: 'cursor',
  },
  {
    name: 'a base64url cursor whose time is a bare number ("1")',
    query: () => `cursor=${base64url('1|00000000-0000-4000-8000-000000000000')}`,
    field: 'cursor',
  },
  { name: 'from=yesterday', query: () => 'from=yesterday', field: 'from' },
  { name: 'from on 30 February', query: () => `from=${encodeURIComponent(pastImpossibleDate())}`, field: 'from' },
  {
    name: 'to with an offset of +20:00 (no such time zone)',
    query: () => `to=${encodeURIComponent(`${new Date().getUTCFullYear()}-01-01T00:00:00+20:00`)}`,
    field: 'to',
  },
  {
    name: 'a plate with a Cyrillic look-alike',
    query: () => `plate=${encodeURIComponent('12\u0421-123.45')}`,
    field: 'plate',
  },
  { name: 'status given twice', query: () => 'status=accepted&status=rejected', field: 'status' },
];

describe('bad input: clear 4xx, one error shape, nothing stored', () => {
  let t: TestApp;
  let company: TestCompany;

  beforeAll(async () => ({ t, company } = await startWithCompany('Bad Input Co')));
  afterAll(() => t.close());

  // Other test files write to the same database concurrently, so counts are scoped to this file's company.
  async function stored(): Promise<{ declarations: number; idempotencyRecords: number }> {
    const row = await t.sql.one<{ declarations: number; idempotencyRecords: number }>(
      `SELECT (SELECT count(*)::int FROM declaration WHERE company_id = $1) AS "declarations",
              (SELECT count(*)::int FROM idempotency_record WHERE company_id = $1) AS "idempotencyRecords"`,
      [company.id],
    );
    return row!;
  }

  async function recordsForKey(key: string): Promise<number> {
    const row = await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_record WHERE key = $1', [
      key,
    ]);
    return row!.n;
  }

  function get(url: string, headers: Record<string, string> = {}): Promise<TestResponse> {
    return t.request({ method: 'GET', url, headers: { authorization: `Bearer ${company.apiKey}`, ...headers } });
  }

  /** A 400 REQUEST.VALIDATION_FAILED naming exactly `field`, in `details` and in the message. */
  function expectFieldError(res: TestResponse, field: string): void {
    const body = expectError(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    for (const d of body.details) expect(d.message).toMatch(/\S/);
    expect(body.message.startsWith(`${field}: `)).toBe(true);
  }

  async function expectNothingStored(before: { declarations: number; idempotencyRecords: number }, key: string) {
    expect(await stored()).toEqual(before);
    expect(await recordsForKey(key)).toBe(0);
  }

  it('accepts the unmodified base body, so each rejection below is caused by its one defect', async () => {
    const control = await t.createCompany('Bad Input Control Co');
    const res = await submit(t, control.apiKey, validBody());
    expect(res.statusCode).toBe(202);
    const withoutOptionals = validBody();
    delete (withoutOptionals.vehicle as Json).trailerPlate;
    delete (withoutOptionals.vehicle as Json).containerNumber;
    delete (withoutOptionals.driver as Json).phone;
    delete (withoutOptionals.cargo as Json).hsCode;
    delete (withoutOptionals.cargo as Json).customsDeclarationNumber;
    expect((await submit(t, control.apiKey, withoutOptionals)).statusCode).toBe(202);
  });

  describe('POST /api/v1/declarations answers 400 naming the field', () => {
    it.each(FIELD_CASES)('for $name', async ({ body, field }) => {
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, body());
      expectFieldError(await response, field);
      await expectNothingStored(before, key);
    });

    it('never persists unknown fields, anywhere, and names every one of them', async () => {
      const marker = `marker-${idempotencyKey()}`;
      const body = validBody();
      body.note = marker;
      (body.vehicle as Json).color = marker;
      (body.driver as Json).internalRemark = { text: marker };
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, body);
      const res = await response;

      const error = expectError(res, 400, 'REQUEST.VALIDATION_FAILED');
      expect(error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'driver.internalRemark',
        'note',
        'vehicle.color',
      ]);
      await expectNothingStored(before, key);
      const anywhere = await t.sql.one<{ n: number }>(
        `SELECT (SELECT count(*) FROM declaration d WHERE d::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM idempotency_record r WHERE r::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM outbox_message o WHERE o::text LIKE '%' || $1 || '%') AS n`,
        [marker],
      );
      expect(Number(anywhere!.n)).toBe(0);
    });

    it('does not burn the Idempotency-Key of a rejected request: the corrected body is then accepted', async () => {
      const key = idempotencyKey();
      const bad = withField('cargo.grossWeightKg', '18000');
      const rejected = await submit(t, company.apiKey, bad, key);
      expectFieldError(rejected, 'cargo.grossWeightKg');

      const fixed = await submit(
        t,
        company.apiKey,
        { ...bad, cargo: { ...(bad.cargo as Json), grossWeightKg: 18000 } },
        key,
      );
      expect(fixed.statusCode).toBe(202);
      expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    });

    it('names every offending field when there are several', async () => {
      const body = validBody();
      body.gate = 'MONG_CAI';
      (body.cargo as Json).grossWeightKg = -5;
      (body.driver as Json).phone = '0912345678';
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, body);
      const error = expectError(await response, 400, 'REQUEST.VALIDATION_FAILED');
      expect(error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'cargo.grossWeightKg',
        'driver.phone',
        'gate',
      ]);
      expect(error.message).toMatch(/\(and 2 more\)$/);
      await expectNothingStored(before, key);
    });
  });

  describe('POST /api/v1/declarations with a body that is not JSON', () => {
    it.each(INVALID_JSON_CASES)('answers 400 REQUEST.INVALID_JSON for $name', async ({ body }) => {
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, body());
      const error = expectError(await response, 400, 'REQUEST.INVALID_JSON');
      expect(error.message).toMatch(/JSON/);
      await expectNothingStored(before, key);
    });

    it.each(DEEP_CASES)('answers 400 (not 500) for $name', async ({ body }) => {
      const payload = body();
      expect(payload.length).toBeLessThan(64 * 1024);
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, payload);
      expectError(await response, 400, /^REQUEST\.(VALIDATION_FAILED|INVALID_JSON)$/);
      await expectNothingStored(before, key);
    });

    it('answers 413 REQUEST.BODY_TOO_LARGE for a body over 64 KiB', async () => {
      const body = withField('cargo.description', 'x'.repeat(70_000));
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, body);
      expectError(await response, 413, 'REQUEST.BODY_TOO_LARGE');
      await expectNothingStored(before, key);
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'])(
      'answers 415 REQUEST.UNSUPPORTED_MEDIA_TYPE for content type %s',
      async (contentType) => {
        const before = await stored();
        const { key, response } = submitWithHeaders(t, company.apiKey, JSON.stringify(validBody()), {
          'content-type': contentType,
        });
        expectError(await response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
        await expectNothingStored(before, key);
      },
    );
  });

  describe('POST /api/v1/declarations with a body that is not UTF-8 JSON', () => {
    /** Posts raw bytes as they are: fetch would re-encode a string. */
    function postBytes(
      bytes: Buffer,
      contentType = 'application/json',
    ): { key: string; response: Promise<TestResponse> } {
      const key = idempotencyKey();
      const response = fetch(`${t.baseUrl}/api/v1/declarations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': key, 'content-type': contentType },
        body: bytes,
      }).then(async (res) => {
        const body = await res.text();
        return {
          statusCode: res.status,
          headers: Object.fromEntries(res.headers.entries()),
          body,
          json: () => JSON.parse(body),
        };
      });
      return { key, response };
    }

    it.each([
      'application/json; charset=utf-16',
      'application/json; charset=UTF-16LE',
      'application/json; charset=iso-8859-1',
      'application/json;charset="windows-1252"',
      'application/json; charset=us-ascii',
    ])('answers 415 REQUEST.UNSUPPORTED_CHARSET for %s', async (contentType) => {
      const before = await stored();
      const { key, response } = postBytes(Buffer.from(JSON.stringify(validBody())), contentType);
      const error = expectError(await response, 415, 'REQUEST.UNSUPPORTED_CHARSET');
      expect(error.message).toMatch(/UTF-8/);
      await expectNothingStored(before, key);
    });

    it.each(['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json'])(
      'takes %s',
      async (contentType) => {
        const { response } = postBytes(Buffer.from(JSON.stringify(validBody())), contentType);
        expect((await response).statusCode).toBe(202);
      },
    );

    it('refuses a UTF-16 body declared as UTF-16 without storing mojibake', async () => {
      const before = await stored();
      const utf16 = Buffer.from(`\ufeff${JSON.stringify(validBody())}`, 'utf16le');
      const { key, response } = postBytes(utf16, 'application/json; charset=utf-16');
      expectError(await response, 415, 'REQUEST.UNSUPPORTED_CHARSET');
      await expectNothingStored(before, key);
    });

    /** The valid body with `bytes` written raw at the start of driver.fullName's value. */
    function withRawBytesInName(bytes: number[]): Buffer {
      const json = JSON.stringify(validBody());
      const at = json.indexOf('"fullName":"') + '"fullName":"'.length;
      return Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from(bytes), Buffer.from(json.slice(at))]);
    }

    it.each([
      ['a Latin-1 é (E9)', [0xe9]],
      ['a stray continuation byte (80)', [0x80]],
      ['an encoded surrogate, CESU-8 style (ED A0 80)', [0xed, 0xa0, 0x80]],
      ['an overlong encoding of "/" (C0 AF)', [0xc0, 0xaf]],
      ['a truncated three-byte sequence (E1 BB)', [0xe1, 0xbb]],
    ])('answers 400 REQUEST.INVALID_ENCODING for bytes that are not UTF-8: %s', async (_, bytes) => {
      const before = await stored();
      const { key, response } = postBytes(withRawBytesInName(bytes));
      expectError(await response, 400, 'REQUEST.INVALID_ENCODING');
      await expectNothingStored(before, key);
    });

    it('answers 400 naming the object whose field name holds a lone surrogate', async () => {
      const before = await stored();
      const body = JSON.stringify(validBody()).replace('"vehicle":{', '"vehicle":{"\\ud83dx":1,');
      const { key, response } = submitWithHeaders(t, company.apiKey, body);
      expectFieldError(await response, 'vehicle');
      await expectNothingStored(before, key);
    });
  });

  describe('POST /api/v1/declarations with bad headers', () => {
    it.each([
      { name: 'is missing', key: undefined, code: 'IDEMPOTENCY.KEY_MISSING' },
      { name: 'is empty', key: '', code: 'IDEMPOTENCY.KEY_MISSING' },
      { name: 'has 300 characters', key: 'k'.repeat(300), code: 'IDEMPOTENCY.KEY_INVALID' },
      { name: 'has 256 characters', key: 'k'.repeat(256), code: 'IDEMPOTENCY.KEY_INVALID' },
      { name: 'contains a space', key: 'order 42', code: 'IDEMPOTENCY.KEY_INVALID' },
      { name: 'contains a non-ASCII character', key: 'clé-42', code: 'IDEMPOTENCY.KEY_INVALID' },
    ])('answers 400 $code when the Idempotency-Key $name', async ({ key, code }) => {
      const before = await stored();
      const { response } = submitWithHeaders(t, company.apiKey, validBody(), { 'idempotency-key': key });
      const error = expectError(await response, 400, code);
      expect(error.message).toMatch(/Idempotency-Key/);
      expect(await stored()).toEqual(before);
    });

    it('answers 401 AUTH.API_KEY_MISSING without an Authorization header', async () => {
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, validBody(), { authorization: undefined });
      expectError(await response, 401, 'AUTH.API_KEY_MISSING');
      await expectNothingStored(before, key);
    });

    it.each([
      { name: 'another scheme (Basic)', header: () => 'Basic dXNlcjpwYXNz' },
      { name: 'Bearer with no key', header: () => 'Bearer' },
      { name: 'a key with another prefix', header: () => `Token ${company.apiKey}` },
      { name: 'a key with an extra character', header: () => `Bearer ${company.apiKey}x` },
      { name: 'a key followed by more text', header: () => `Bearer ${company.apiKey} extra` },
      { name: 'a made-up key of the right shape', header: () => `Bearer bgk_${'A'.repeat(43)}` },
    ])('answers 401 AUTH.API_KEY_INVALID for a malformed Authorization: $name', async ({ header }) => {
      const before = await stored();
      const { key, response } = submitWithHeaders(t, company.apiKey, validBody(), { authorization: header() });
      expectError(await response, 401, 'AUTH.API_KEY_INVALID');
      await expectNothingStored(before, key);
    });
  });

  describe('GET /api/v1/declarations with a bad query', () => {
    it.each(QUERY_CASES)('answers 400 naming the parameter for $name', async ({ query, field }) => {
      const before = await stored();
      const res = await get(`/api/v1/declarations?${query()}`);
      expectFieldError(res, field);
      expect(await stored()).toEqual(before);
    });
  });

  describe('unknown routes and malformed URLs', () => {
    it.each([
      { method: 'GET' as const, url: '/api/v1/nope' },
      { method: 'GET' as const, url: '/api/v2/declarations' },
      { method: 'POST' as const, url: '/api/v1/declarations/extra/segment' },
      { method: 'GET' as const, url: '/api/v1/vehicles' },
    ])('answers 404 REQUEST.ROUTE_NOT_FOUND for $method $url', async ({ method, url }) => {
      const res = await t.request({ method, url, headers: { authorization: `Bearer ${company.apiKey}` } });
      expectError(res, 404, 'REQUEST.ROUTE_NOT_FOUND');
    });

    it('answers a malformed percent-encoding in the path with 400 in the same error shape', async () => {
      const res = await get('/api/v1/declarations/%E0%A4%A');
      expectError(res, 400, /^REQUEST\.[A-Z_]+$/);
    });
  });

  it('answers every bad request above with a 4xx: never a 5xx, never a success', async () => {
    const bodies = [
      ...FIELD_CASES.map((c) => ({ name: c.name, payload: c.body() })),
      ...INVALID_JSON_CASES.map((c) => ({ name: c.name, payload: c.body() })),
      ...DEEP_CASES.map((c) => ({ name: c.name, payload: c.body() })),
      { name: 'oversize body', payload: withField('cargo.description', 'x'.repeat(70_000)) },
    ];
    const requests: { name: string; response: Promise<TestResponse> }[] = [
      ...bodies.map((b) => ({
        name: `POST ${b.name}`,
        response: submitWithHeaders(t, company.apiKey, b.payload).response,
      })),
      ...['text/plain', 'application/x-www-form-urlencoded', 'application/xml'].map((ct) => ({
        name: `POST as ${ct}`,
        response: submitWithHeaders(t, company.apiKey, JSON.stringify(validBody()), { 'content-type': ct }).response,
      })),
      {
        name: 'POST without Idempotency-Key',
        response: submitWithHeaders(t, company.apiKey, validBody(), { 'idempotency-key': undefined }).response,
      },
      {
        name: 'POST with a long key',
        response: submitWithHeaders(t, company.apiKey, validBody(), { 'idempotency-key': 'k'.repeat(300) }).response,
      },
      {
        name: 'POST without auth',
        response: submitWithHeaders(t, company.apiKey, validBody(), { authorization: undefined }).response,
      },
      ...QUERY_CASES.map((c) => ({ name: `GET ?${c.name}`, response: get(`/api/v1/declarations?${c.query()}`) })),
      { name: 'GET malformed path', response: get('/api/v1/declarations/%E0%A4%A') },
      { name: 'DELETE collection', response: t.request({ method: 'DELETE', url: '/api/v1/declarations' }) },
    ];
    const answers = await Promise.all(
      requests.map(async (r) => ({ name: r.name, status: (await r.response).statusCode })),
    );

    expect(answers).toHaveLength(requests.length);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.filter((a) => a.status < 400)).toEqual([]);
  });
});
