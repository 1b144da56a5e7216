import { SingleFlightCache } from './single-flight-cache.js';

describe('SingleFlightCache', () => {
  let clock = 0;
  const now = (): number => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('shares one load among concurrent callers and keeps it for the TTL, per key', async () => {
    const cache = new SingleFlightCache<string, number>(1000, now);
    let loads = 0;
    const load = (): Promise<number> => Promise.resolve(++loads);
    expect(await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('b', load)])).toEqual([1, 1, 2]);
    clock += 999;
    expect(await cache.get('a', load)).toBe(1);
    clock += 1;
    expect(await cache.get('a', load)).toBe(3);
  });

  it('does not keep a failed load', async () => {
    const cache = new SingleFlightCache<string, number>(1000, now);
    await expect(cache.get('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('a', () => Promise.resolve(7))).toBe(7);
  });

  it('loads every time when the TTL is 0', async () => {
    const cache = new SingleFlightCache<string, number>(0, now);
    let loads = 0;
    await cache.get('a', () => Promise.resolve(++loads));
    await cache.get('a', () => Promise.resolve(++loads));
    expect(loads).toBe(2);
  });
});
