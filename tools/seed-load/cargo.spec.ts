import { isValidHsCode, isValidIso6346, iso6346CheckDigit } from '../../src/common/identifiers/identifiers.js';
import { cargo, containerNumber, EXPORT_FRUIT, EXPORT_OTHER, fruitSeason, IMPORT_GOODS } from './cargo.js';
import { Random } from './random.js';

describe('seed cargo', () => {
  const random = new Random(5);

  it('computes the ISO 6346 check digit (CSQU3054383 is the standard example)', () => {
    expect(iso6346CheckDigit('CSQU305438')).toBe(3);
  });

  it('draws container numbers the validator accepts', () => {
    for (let i = 0; i < 2000; i++) expect(isValidIso6346(containerNumber(random))).toBe(true);
  });

  it('only uses valid 8-digit tariff lines', () => {
    for (const goods of [...EXPORT_FRUIT, ...EXPORT_OTHER, ...IMPORT_GOODS])
      expect(isValidHsCode(goods.hsCode)).toBe(true);
  });

  it('sends more fruit in the summer season than in spring', () => {
    const fruitShare = (month: number): number => {
      const loads = Array.from({ length: 4000 }, () => cargo(random, 'export', month));
      return loads.filter((c) => c.perishable).length / loads.length;
    };
    expect(fruitSeason(6)).toBeGreaterThan(fruitSeason(2));
    expect(fruitShare(6)).toBeGreaterThan(fruitShare(2) + 0.2);
  });

  it('keeps empty trucks empty, and leaves the goods code out now and then', () => {
    const loads = Array.from({ length: 4000 }, () => cargo(random, 'import', 0));
    for (const c of loads.filter((l) => l.grossWeightKg === 0))
      expect(c).toMatchObject({ hsCode: null, perishable: false });
    expect(loads.some((c) => c.grossWeightKg === 0)).toBe(true);
    expect(loads.some((c) => c.grossWeightKg > 0 && c.hsCode === null)).toBe(true);
    expect(loads.every((c) => c.grossWeightKg <= 34_000)).toBe(true);
  });
});
