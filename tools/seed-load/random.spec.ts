import { Random } from './random.js';

describe('Random', () => {
  it('repeats itself for the same seed, and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, () => new Random(seed).uint32());
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 100 }, () => a.uint32())).toEqual(Array.from({ length: 100 }, () => b.uint32()));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws integers in the closed range, reaching both ends', () => {
    const r = new Random(3);
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(5, 9)));
    expect([...seen].sort()).toEqual([5, 6, 7, 8, 9]);
  });

  it('picks keys in proportion to their weights', () => {
    const r = new Random(4);
    const n = 20_000;
    const hits = Array.from({ length: n }, () => r.weighted({ a: 3, b: 1 })).filter((k) => k === 'a').length;
    expect(hits / n).toBeCloseTo(0.75, 1);
  });

  it('makes version-4 UUIDs', () => {
    const r = new Random(5);
    const ids = Array.from({ length: 1000 }, () => r.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
  });

  it('centres the log-normal on its median', () => {
    const r = new Random(6);
    const values = Array.from({ length: 5001 }, () => r.logNormal(30, 0.5)).sort((x, y) => x - y);
    expect(values[2500]).toBeGreaterThan(27);
    expect(values[2500]).toBeLessThan(33);
  });
});
