import { randomInt } from 'node:crypto';
import { expectError } from './support/errors.js';
import { settled, submit } from './support/api.js';
import { type DeclarationBody, declarationBody, hoursFromNow, uniqueVnPlate } from './support/factories.js';
import {
  startTestApp,
  startWithCompany,
  type TestApp,
  type TestCompany,
  type TestResponse,
} from './support/test-app.js';

// The public lookup: GET /api/v1/vehicles/:plate/status, no authentication.

const PUBLIC_KEYS = [
  'currentSteps',
  'direction',
  'expectedAhead',
  'expectedArrivalAt',
  'gate',
  'plate',
  'plateDisplay',
  'regulationYard',
  'status',
  'timeline',
  'updatedAt',
];
const CN_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O on Chinese plates

const digits = (n: number): string => Array.from({ length: n }, () => randomInt(0, 10)).join('');
const pick = (chars: string): string => chars[randomInt(0, chars.length)];
const vnProvince = (): string => String(randomInt(11, 100));

/** ASCII to its full-width form, as a Chinese or Japanese IME types it ('12C-1' → '１２Ｃ－１'). */
const fullWidth = (text: string): string =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface VnPlate {
  display: string; // 12C-123.45
  canonical: string; // 12C12345
  prefix: string; // 12C
  head: string; // 123
  tail: string; // 45
}

function vnPlate(display = uniqueVnPlate()): VnPlate {
  const match = /^(\d{2}[A-Z]{1,2})-(\d{3})\.(\d{2})$/.exec(display);
  if (!match) throw new Error(`unexpected plate ${display}`);
  const [, prefix, head, tail] = match;
  return { display, canonical: `${prefix}${head}${tail}`, prefix, head, tail };
}

/** Ways people type a five-digit VN plate; each must find it. */
const VN_SPELLINGS: [style: string, spell: (p: VnPlate) => string][] = [
  ['the display form (12C-123.45)', (p) => p.display],
  ['lower case without separators (12c12345)', (p) => p.canonical.toLowerCase()],
  ['spaces as separators (12C 123 45)', (p) => `${p.prefix} ${p.head} ${p.tail}`],
  ['dots as separators (12C.123.45)', (p) => `${p.prefix}.${p.head}.${p.tail}`],
  ['lower case with dashes only (12c-123-45)', (p) => `${p.prefix.toLowerCase()}-${p.head}-${p.tail}`],
  ['full-width characters (１２Ｃ－１２３．４５)', (p) => fullWidth(p.display)],
  ['leading and trailing spaces', (p) => `  ${p.display}  `],
  ['a leading tab and a trailing ideographic space', (p) => `\t${p.display}\u3000`],
  ['a no-break space and an en dash', (p) => `${p.prefix}\u00a0${p.head}\u2013${p.tail}`],
  ['a middle dot (12C·123.45)', (p) => `${p.prefix}\u00b7${p.head}.${p.tail}`],
];

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits of a Chinese resident ID. */
function cnCheckCharacter(first17: string): string {
  const sum = Array.from(first17).reduce((acc, d, i) => acc + Number(d) * CN_ID_WEIGHTS[i], 0);
  return '10X98765432'[sum % 11];
}

/** A valid 18-character resident ID: Nanning region, born 19xx-06-15, random serial. */
function cnResidentId(): string {
  const first17 = `450103${randomInt(1960, 2000)}0615${digits(3)}`;
  return first17 + cnCheckCharacter(first17);
}

/** The part of a Chinese plate after the province character: city letter + 5 characters, e.g. 'FA1234'. */
const cnPlateRest = (): string => `${pick(CN_LETTERS)}${pick(CN_LETTERS)}${digits(4)}`;

function cnTruckBody(plate: string): DeclarationBody {
  return declarationBody({
    direction: 'import',
    vehicle: { plate, nationality: 'CN' },
    driver: { fullName: '李伟', documentNumber: cnResidentId(), nationality: 'CN', phone: '+8613812345678' },
  });
}

describe('public vehicle lookup: GET /api/v1/vehicles/:plate/status', () => {
  let t: TestApp;
  let company: TestCompany;

  beforeAll(async () => ({ t, company } = await startWithCompany('Lookup Transport Co')));
  afterAll(() => t.close());

  function lookup(spelling: string): Promise<TestResponse> {
    return t.request({ method: 'GET', url: `/api/v1/vehicles/${encodeURIComponent(spelling)}/status` });
  }

  /** Submits through the API and waits for screening; returns the declaration as its owner sees it. */
  async function declare(body: DeclarationBody): Promise<any> {
    const res = await submit(t, company.apiKey, body);
    expect(res.statusCode).toBe(202);
    return settled(t, company.apiKey, res.json().id);
  }

  async function declareAccepted(body: DeclarationBody): Promise<any> {
    const declaration = await declare(body);
    expect(declaration.status).toBe('accepted');
    return declaration;
  }

  function expectFound(res: TestResponse, plate: string, plateDisplay: string): any {
    expect({ status: res.statusCode, body: res.body }).toEqual({ status: 200, body: expect.any(String) });
    const body = res.json();
    expect(body).toMatchObject({ plate, plateDisplay });
    return body;
  }

  describe('a Vietnamese plate in any common spelling', () => {
    const plate = vnPlate();

    beforeAll(async () => {
      await declareAccepted(declarationBody({ vehicle: { plate: plate.display, nationality: 'VN' } }));
    });

    it.each(VN_SPELLINGS)('is found when typed with %s', async (_style, spell) => {
      const body = expectFound(await lookup(spell(plate)), plate.canonical, plate.display);
      expect(body.status).toBe('accepted');
    });
  });

  it('finds an old four-digit plate (12C-1234) in several spellings', async () => {
    const prefix = `${vnProvince()}${pick('CDEFGHKLMN')}`;
    const serial = digits(4);
    const display = `${prefix}-${serial}`;
    await declareAccepted(
      declarationBody({ vehicle: { plate: `${prefix.toLowerCase()} ${serial}`, nationality: 'VN' } }),
    );

    for (const spelling of [display, `${prefix}${serial}`.toLowerCase(), `${prefix}.${serial}`, fullWidth(display)]) {
      const body = expectFound(await lookup(spelling), `${prefix}${serial}`, display);
      expect(body.status).toBe('accepted');
    }
  });

  it('finds a plate of a two-letter series (12LD-012.34) in several spellings', async () => {
    const plate = vnPlate(`${vnProvince()}LD-${digits(3)}.${digits(2)}`);
    await declareAccepted(declarationBody({ vehicle: { plate: plate.display, nationality: 'VN' } }));

    for (const spelling of [
      plate.display,
      plate.canonical.toLowerCase(),
      `${plate.prefix} ${plate.head} ${plate.tail}`,
    ]) {
      const body = expectFound(await lookup(spelling), plate.canonical, plate.display);
      expect(body.status).toBe('accepted');
    }
  });

  describe('a Chinese truck', () => {
    it('computes resident-ID check characters as GB 11643 does (its own example, 11010519491231002X)', () => {
      expect(cnCheckCharacter('11010519491231002')).toBe('X');
    });

    it('is found with or without separators, in any case, and without its province character', async () => {
      const rest = cnPlateRest();
      const canonical = `桂${rest}`;
      const display = `桂${rest[0]}·${rest.slice(1)}`;
      const declaration = await declareAccepted(cnTruckBody(display));
      expect(declaration.vehicle).toMatchObject({ plate: canonical, plateDisplay: display, nationality: 'CN' });

      const spellings = [
        canonical,
        `桂${rest[0].toLowerCase()} ${rest.slice(1).toLowerCase()}`,
        display,
        fullWidth(canonical),
        rest,
        `${rest[0]}·${rest.slice(1)}`.toLowerCase(),
      ];
      for (const spelling of spellings) {
        const body = expectFound(await lookup(spelling), canonical, display);
        expect(body).toMatchObject({ status: 'accepted', direction: 'import' });
      }
    });

    it('answers 409 VEHICLE.AMBIGUOUS_PLATE without the province once two provinces share the rest', async () => {
      const rest = cnPlateRest();
      await declareAccepted(cnTruckBody(`桂${rest}`));
      expectFound(await lookup(rest), `桂${rest}`, `桂${rest[0]}·${rest.slice(1)}`);

      await declareAccepted(cnTruckBody(`粤${rest}`));
      const ambiguous = expectError(await lookup(rest), 409, 'VEHICLE.AMBIGUOUS_PLATE');
      expect(ambiguous.message).toMatch(/province/);
      expectError(await lookup(rest.toLowerCase()), 409, 'VEHICLE.AMBIGUOUS_PLATE');

      // With the province character each one is still found.
      expectFound(await lookup(`桂${rest}`), `桂${rest}`, `桂${rest[0]}·${rest.slice(1)}`);
      expectFound(await lookup(`粤${rest}`), `粤${rest}`, `粤${rest[0]}·${rest.slice(1)}`);
    });
  });

  describe('hostile and unknown plates', () => {
    // A declared K-series plate, so a lookup that silently dropped the bad character would find it.
    const plate = vnPlate(`${vnProvince()}K-${digits(3)}.${digits(2)}`);
    const spellings: [kind: string, spelling: string, problem: string][] = [
      ['a zero-width space', `${plate.prefix}-${plate.head}.\u200b${plate.tail}`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a right-to-left override (U+202E)', `\u202e${plate.display}`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a zero-width joiner', `${plate.prefix}\u200d${plate.head}${plate.tail}`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a word joiner', `${plate.display}\u2060`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a soft hyphen', `${plate.prefix}\u00ad${plate.head}.${plate.tail}`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a byte-order mark', `\ufeff${plate.display}`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a NUL byte', `${plate.display}\u0000`, 'PLATE.INVISIBLE_CHARACTER'],
      ['a Cyrillic К for K', plate.display.replace('K', '\u041a'), 'PLATE.LOOKALIKE_CHARACTER'],
      ['a Greek Κ for K', plate.display.replace('K', '\u039a'), 'PLATE.LOOKALIKE_CHARACTER'],
      ['a Cyrillic А in a Chinese plate', '桂\u0410·12345', 'PLATE.LOOKALIKE_CHARACTER'],
      ['40 characters', `${plate.display}${'0'.repeat(30)}`, 'PLATE.TOO_LONG'],
    ];

    beforeAll(async () => {
      await declareAccepted(declarationBody({ vehicle: { plate: plate.display, nationality: 'VN' } }));
    });

    it('finds the clean spelling of the plate these tests tamper with', async () => {
      expectFound(await lookup(plate.display), plate.canonical, plate.display);
    });

    it.each(spellings)(
      'answers 400 REQUEST.VALIDATION_FAILED naming the plate for %s',
      async (_kind, spelling, problem) => {
        const error = expectError(await lookup(spelling), 400, 'REQUEST.VALIDATION_FAILED');
        expect(error.details).toEqual([{ field: 'plate', message: expect.stringContaining(problem) }]);
        expect(error.message.startsWith('plate: ')).toBe(true);
      },
    );

    it('answers 404 VEHICLE.NOT_FOUND for well-formed plates nobody declared', async () => {
      const rest = cnPlateRest();
      for (const unknown of [uniqueVnPlate(), `京${rest}`, rest]) {
        const error = expectError(await lookup(unknown), 404, 'VEHICLE.NOT_FOUND');
        expect(error.details).toBeUndefined();
      }
    });

    it('answers a malformed percent-encoding in the plate with 400 in the standard error shape', async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/vehicles/12C%E0%A4%A/status' });
      expectError(res, 400, /^REQUEST\.[A-Z_]+$/);
    });

    it('answers a 250-character plate (over the router limit) with a 4xx in the standard error shape', async () => {
      const res = await lookup('A'.repeat(250));
      expect([400, 414]).toContain(res.statusCode);
      expectError(res, res.statusCode, /^REQUEST\.[A-Z_]+$/);
    });
  });

  describe('privacy', () => {
    it('answers only plate, status, gate, direction and times, and nothing identifying', async () => {
      const secrets = {
        fullName: `Trần Thị Bí Mật ${digits(6)}`,
        documentNumber: `001${digits(9)}`,
        phone: `+8498${digits(7)}`,
        description: `Sealed lychee crates lot ${digits(8)}`,
      };
      const plate = vnPlate();
      const declaration = await declareAccepted(
        declarationBody({
          vehicle: {
            plate: plate.display,
            nationality: 'VN',
            trailerPlate: '12R-012.34',
            containerNumber: 'CSQU3054383',
          },
          driver: {
            fullName: secrets.fullName,
            documentNumber: secrets.documentNumber,
            nationality: 'VN',
            phone: secrets.phone,
          },
          cargo: {
            description: secrets.description,
            hsCode: '08109050',
            grossWeightKg: 18000,
            perishable: true,
            customsDeclarationNumber: '305123456789',
          },
        }),
      );
      expect(declaration.driver).toMatchObject({ fullName: secrets.fullName, phone: secrets.phone });

      const res = await lookup(plate.canonical.toLowerCase());
      const body = expectFound(res, plate.canonical, plate.display);
      expect(Object.keys(body).sort()).toEqual(PUBLIC_KEYS);
      expect(body.timeline.length).toBeGreaterThan(0);
      for (const entry of body.timeline) expect(Object.keys(entry).sort()).toEqual(['at', 'status']);

      const leaks = {
        ...secrets,
        companyId: company.id,
        reference: declaration.reference,
        declarationId: declaration.id,
        containerNumber: 'CSQU3054383',
        trailerPlate: '12R01234',
        customsDeclarationNumber: '305123456789',
        hsCode: '08109050',
      };
      const found = Object.entries(leaks)
        .filter(([, value]) => res.body.includes(value))
        .map(([name]) => name);
      expect(found).toEqual([]);
      expect(res.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('timeline and which declaration is shown', () => {
    it('lists the statuses with their times in order, as the owner sees them', async () => {
      const plate = vnPlate();
      const declaration = await declareAccepted(
        declarationBody({
          gate: 'TAN_THANH',
          direction: 'import',
          vehicle: { plate: plate.display, nationality: 'VN' },
        }),
      );

      const body = expectFound(await lookup(plate.display), plate.canonical, plate.display);
      expect(body).toEqual({
        plate: plate.canonical,
        plateDisplay: plate.display,
        status: 'accepted',
        gate: 'TAN_THANH',
        direction: 'import',
        expectedArrivalAt: declaration.expectedArrivalAt,
        updatedAt: declaration.updatedAt,
        timeline: declaration.timeline,
        currentSteps: [], // not in the yard yet
        expectedAhead: expect.any(Number),
        regulationYard: null, // not waiting at a regulation yard
      });
      expect(body.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'accepted']);
      const times = body.timeline.map((e: { at: string }) => e.at);
      for (const at of times) expect(new Date(at).toISOString()).toBe(at);
      expect([...times].sort()).toEqual(times);
      expect(times[0]).toBe(declaration.createdAt);
    });

    it('shows the live (accepted) declaration, not a newer one rejected as VEHICLE.ALREADY_ACTIVE', async () => {
      const plate = vnPlate();
      const live = await declareAccepted(
        declarationBody({
          gate: 'HUU_NGHI',
          direction: 'export',
          expectedArrivalAt: hoursFromNow(3),
          vehicle: { plate: plate.display, nationality: 'VN' },
        }),
      );
      const newer = await declare(
        declarationBody({
          gate: 'TAN_THANH',
          direction: 'import',
          expectedArrivalAt: hoursFromNow(20),
          vehicle: { plate: plate.canonical.toLowerCase(), nationality: 'VN' },
        }),
      );
      expect(newer.status).toBe('rejected');
      expect(newer.reasons.map((r: { code: string }) => r.code)).toContain('VEHICLE.ALREADY_ACTIVE');
      expect(Date.parse(newer.createdAt)).toBeGreaterThan(Date.parse(live.createdAt));

      const body = expectFound(await lookup(plate.display), plate.canonical, plate.display);
      expect(body).toMatchObject({
        status: 'accepted',
        gate: 'HUU_NGHI',
        direction: 'export',
        expectedArrivalAt: live.expectedArrivalAt,
        updatedAt: live.updatedAt,
      });
      expect(body.timeline).toEqual(live.timeline);
    });

    it('shows the newest declaration when none is live, and a later live one once it exists', async () => {
      const plate = vnPlate();
      const late = await declare(
        declarationBody({
          expectedArrivalAt: hoursFromNow(24 * 30),
          vehicle: { plate: plate.display, nationality: 'VN' },
        }),
      );
      expect(late.status).toBe('rejected');
      expect(late.reasons.map((r: { code: string }) => r.code)).toEqual(['ARRIVAL.OUTSIDE_WINDOW']);

      const rejected = expectFound(await lookup(plate.display), plate.canonical, plate.display);
      expect(rejected.status).toBe('rejected');
      expect(rejected.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'rejected']);

      const onTime = await declareAccepted(declarationBody({ vehicle: { plate: plate.display, nationality: 'VN' } }));
      const accepted = expectFound(await lookup(plate.display), plate.canonical, plate.display);
      expect(accepted).toMatchObject({ status: 'accepted', expectedArrivalAt: onTime.expectedArrivalAt });
      expect(accepted.timeline).toEqual(onTime.timeline);
    });
  });
  describe('vehicles expected ahead', () => {
    it('counts the accepted vehicles expected at the gate before this one, up to LOOKUP_AHEAD_CAP', async () => {
      const plates = [vnPlate(), vnPlate(), vnPlate(), vnPlate()];
      // Arrivals 1 to 4 days ahead at one gate: the last has at least three accepted vehicles before it.
      for (const [i, plate] of plates.entries()) {
        await declareAccepted(
          declarationBody({
            gate: 'TAN_THANH',
            expectedArrivalAt: hoursFromNow(24 * (i + 1)),
            vehicle: { plate: plate.display, nationality: 'VN' },
          }),
        );
      }
      const last = plates[3];
      const counted = expectFound(await lookup(last.display), last.canonical, last.display).expectedAhead;
      expect(counted).toBeGreaterThanOrEqual(3);

      const capped = await startTestApp({ LOOKUP_AHEAD_CAP: '2' });
      try {
        const res = await capped.request({ method: 'GET', url: `/api/v1/vehicles/${last.canonical}/status` });
        expect(res.json().expectedAhead).toBe(2);
      } finally {
        await capped.close();
      }
    });
  });
});
