import { isValidVnTaxCode, normaliseTaxCode } from '../../src/common/identifiers/identifiers.js';
import { companies, zipfShares } from './companies.js';
import { Random } from './random.js';

describe('seed companies', () => {
  it('shares trips Zipf-like: they add up to 1, the biggest company has the most', () => {
    const shares = zipfShares(300, 1.05);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(shares[0]).toBeGreaterThan(0.1);
    expect(shares[0]).toBeGreaterThan(100 * shares[299]);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThan(shares[i - 1]);
  });

  it('gives 300 companies unique, valid, already normalised tax codes and distinct names', () => {
    const list = companies(new Random(1), 300);
    const codes = list.map((c) => c.taxCode);
    expect(new Set(codes).size).toBe(300);
    for (const code of codes) {
      expect(isValidVnTaxCode(code)).toBe(true);
      expect(normaliseTaxCode(code)).toBe(code);
    }
    expect(new Set(list.map((c) => c.name)).size).toBe(300);
  });
});
