import { mean, memoryGrew, percentile, summarize, thirdsGrowth } from './stats.js';

describe('percentile (nearest rank)', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('picks the nearest-rank value', () => {
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 99)).toBe(10);
    expect(percentile(ten, 10)).toBe(1);
  });

  it('handles the ends and one value', () => {
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile([42], 50)).toBe(42);
    expect(percentile([42], 99)).toBe(42);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('p99 of 1000 values is the 990th', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(990);
  });
});

describe('summarize', () => {
  it('sorts numerically, not as strings', () => {
    const s = summarize([10, 9, 100, 2, 1]);
    expect(s.p50).toBe(9);
    expect(s.max).toBe(100);
    expect(s.count).toBe(5);
    expect(s.mean).toBeCloseTo(24.4);
  });

  it('does not change its input', () => {
    const input = [3, 1, 2];
    summarize(input);
    expect(input).toEqual([3, 1, 2]);
  });

  it('is NaN throughout for no values', () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect(s.p99).toBeNaN();
    expect(s.mean).toBeNaN();
  });
});

describe('thirdsGrowth', () => {
  it('compares the last third with the second', () => {
    const g = thirdsGrowth([100, 100, 100, 200, 200, 200, 220, 220, 220]);
    expect(g).toEqual({ second: 200, last: 220, ratio: 1.1 });
  });

  it('needs three samples', () => {
    expect(thirdsGrowth([1, 2])).toBeNull();
  });

  it('mean', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean([])).toBeNaN();
  });
});

describe('memoryGrew', () => {
  const MB = 1024 * 1024;
  it('flags growth over 5% and over 10 MB', () => {
    expect(memoryGrew({ second: 200 * MB, last: 230 * MB, ratio: 1.15 })).toBe(true);
  });
  it('ignores small or flat changes', () => {
    expect(memoryGrew({ second: 200 * MB, last: 208 * MB, ratio: 1.04 })).toBe(false);
    expect(memoryGrew({ second: 100 * MB, last: 108 * MB, ratio: 1.08 })).toBe(false);
    expect(memoryGrew({ second: 200 * MB, last: 150 * MB, ratio: 0.75 })).toBe(false);
  });
});
