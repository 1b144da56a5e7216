import { PlateNumber } from '../../src/common/identifiers/plate-number.js';
import {
  benchPlate,
  BENCH_PLATE_SPACE,
  floorPlate,
  mulberry32,
  sampleIndexes,
  spell,
  spellingVariants,
  toFullWidth,
  unknownPlateCandidates,
} from './plates.js';

// The floor server's own canonicalisation (floor-server.mjs), to check that its plates read back too.
const floorCanon = (s: string): string =>
  decodeURIComponent(s)
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-·]/g, '');

describe('spellingVariants', () => {
  it.each(['12C12345', '12C1234', '29LD01234', '99XA00042'])('every spelling of %s parses back to it', (plate) => {
    const variants = spellingVariants(plate);
    expect(new Set(variants).size).toBeGreaterThanOrEqual(6);
    for (const v of variants) {
      expect(PlateNumber.parseForLookup(v)).toEqual({ plate: PlateNumber.parse(plate) });
      expect(floorCanon(encodeURIComponent(v))).toBe(plate);
    }
  });

  it('mixes dashes, dots, spaces, lower case and full-width digits', () => {
    const v = spellingVariants('12C12345');
    expect(v).toEqual(
      expect.arrayContaining(['12C-123.45', '12c 123 45', '12C.123.45', '１２Ｃ１２３４５', '12c12345', '12C-12345']),
    );
  });

  it('keeps the province character of Chinese plates', () => {
    for (const v of spellingVariants('桂FA1234')) {
      expect(Array.from(v)[0]).toBe('桂');
      expect(PlateNumber.parse(v).value).toBe('桂FA1234');
    }
  });

  it('spell cycles through the variants', () => {
    const n = spellingVariants('12C12345').length;
    expect(spell('12C12345', 0)).toBe(spell('12C12345', n));
    expect(spell('12C12345', 0)).not.toBe(spell('12C12345', 1));
  });

  it('toFullWidth', () => {
    expect(toFullWidth('12c-A')).toBe('１２ｃ-Ａ');
  });
});

describe('benchPlate', () => {
  it('is a valid VN vehicle plate, and distinct for distinct n', () => {
    const seen = new Set<string>();
    for (const n of [0, 1, 99_999, 100_000, 2_600_000, 7_800_000, BENCH_PLATE_SPACE - 1, 123_456_789]) {
      const plate = benchPlate(n);
      const parsed = PlateNumber.parse(plate);
      expect(parsed.value).toBe(plate);
      expect(parsed.country).toBe('VN');
      expect(parsed.kind).toBe('vehicle');
      seen.add(plate);
    }
    expect(seen.size).toBe(8);
  });

  it('starts at 11XA00000 and wraps at the end of its space', () => {
    expect(benchPlate(0)).toBe('11XA00000');
    expect(benchPlate(BENCH_PLATE_SPACE)).toBe(benchPlate(0));
    expect(benchPlate(BENCH_PLATE_SPACE - 1)).toBe('99ZZ99999');
  });
});

describe('unknown plates', () => {
  it('are valid, distinct, never in the bench series, and reproducible', () => {
    const a = unknownPlateCandidates(500, 7);
    expect(new Set(a).size).toBe(500);
    for (const p of a) {
      expect(PlateNumber.parse(p).value).toBe(p);
      expect(p).toMatch(/^\d{2}Q[A-Z]\d{5}$/);
    }
    expect(unknownPlateCandidates(500, 7)).toEqual(a);
  });
});

describe('floor plates', () => {
  it('follow floor-seed.sql', () => {
    expect(floorPlate(0)).toBe('12C00000');
    expect(floorPlate(99_999)).toBe('12C99999');
    expect(floorPlate(100_000)).toBe('12D00000');
    expect(floorPlate(999_999)).toBe('12L99999');
  });

  it('sampleIndexes are distinct and in range', () => {
    const s = sampleIndexes(1000, 100, 3);
    expect(new Set(s).size).toBe(100);
    expect(s.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(sampleIndexes(5, 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
