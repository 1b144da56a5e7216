import { apportion, generateArrivals, HOURLY_PROFILE, localHour, localMidnight } from './arrivals.js';

describe('the arrival generator', () => {
  const day = '2021-12-20';
  const trucks = generateArrivals(day, 4550, 7);

  it('gives the same trucks for the same seed, and others for another', () => {
    expect(generateArrivals(day, 4550, 7)).toEqual(trucks);
    expect(generateArrivals(day, 4550, 8).map((t) => t.wishAt)).not.toEqual(trucks.map((t) => t.wishAt));
  });

  it('spreads exactly the trucks asked for over the local day, hour by hour after the profile', () => {
    expect(trucks).toHaveLength(4550);
    const start = localMidnight(day).getTime();
    expect(trucks.every((t) => t.wishAt.getTime() >= start && t.wishAt.getTime() < start + 86_400_000)).toBe(true);
    const perHour = Array.from({ length: 24 }, (_, h) => trucks.filter((t) => localHour(t.wishAt) === h).length);
    expect(perHour).toEqual(apportion(4550, HOURLY_PROFILE));
    expect(perHour.reduce((a, b) => a + b, 0)).toBe(4550);
    // Most arrive between 06:00 and 20:00, with the morning peak the busiest hours.
    const daytime = perHour.slice(6, 20).reduce((a, b) => a + b, 0);
    expect(daytime / 4550).toBeGreaterThan(0.85);
    expect(Math.max(...perHour)).toBe(perHour[8]);
  });

  it('keeps the trucks in order of their wish, numbered', () => {
    trucks.forEach((t, i) => {
      expect(t.index).toBe(i);
      if (i > 0) expect(t.wishAt.getTime()).toBeGreaterThanOrEqual(trucks[i - 1].wishAt.getTime());
    });
  });

  it('has the December mix: about 40% perishable, some empty returns, a few AEO trips and no-shows', () => {
    const share = (p: (t: (typeof trucks)[number]) => boolean): number => trucks.filter(p).length / trucks.length;
    expect(share((t) => t.perishable)).toBeGreaterThan(0.36);
    expect(share((t) => t.perishable)).toBeLessThan(0.44);
    expect(share((t) => t.emptyReturn)).toBeGreaterThan(0.05);
    expect(share((t) => t.emptyReturn)).toBeLessThan(0.11);
    expect(trucks.some((t) => t.perishable && t.emptyReturn)).toBe(false);
    expect(share((t) => t.aeo)).toBeGreaterThan(0.07);
    expect(share((t) => t.aeo)).toBeLessThan(0.13);
    expect(share((t) => t.noShow)).toBeGreaterThan(0.01);
    expect(share((t) => t.noShow)).toBeLessThan(0.05);
    expect(share((t) => t.gate === 'HUU_NGHI')).toBeGreaterThan(0.56);
    expect(share((t) => t.gate === 'HUU_NGHI')).toBeLessThan(0.64);
  });

  it('apportions a total exactly, the largest remainders first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(7, [0, 1])).toEqual([0, 7]);
  });

  it('takes the day in Vietnam time', () => {
    expect(localMidnight('2021-12-20').toISOString()).toBe('2021-12-19T17:00:00.000Z');
    expect(() => localMidnight('2021-13-40')).toThrow('not a day');
  });
});
