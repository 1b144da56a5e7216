import { apportion, dayWeight, historyDays, isoTime, localDay, localDayStart, submissionTime } from './calendar.js';
import { Random } from './random.js';

const ZONE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

describe('seed calendar', () => {
  const random = new Random(9);

  it('formats instants exactly as toISOString', () => {
    for (let i = 0; i < 5000; i++) {
      const t = Date.UTC(2024, 0, 1) + random.int(0, 3 * 365 * 86_400_000);
      expect(isoTime(t)).toBe(new Date(t).toISOString());
    }
  });

  it("finds the gate's local day as PostgreSQL does in Asia/Ho_Chi_Minh", () => {
    for (let i = 0; i < 2000; i++) {
      const t = Date.UTC(2025, 0, 1) + random.int(0, 365 * 86_400_000);
      expect(localDay(t)).toBe(ZONE_DAY.format(t));
      expect(localDayStart(localDay(t))).toBeLessThanOrEqual(t);
      expect(localDayStart(localDay(t)) + 86_400_000).toBeGreaterThan(t);
    }
  });

  it('spans the months asked for, ending today', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    const days = historyDays(now, 24);
    expect(days[0]).toBe('2024-11-27');
    expect(days.at(-1)).toBe('2026-11-27');
    expect(days).toHaveLength(731);
  });

  it('apportions a total exactly, in proportion to the weights', () => {
    const counts = apportion(1000, [1, 2, 3, 0.5]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts).toEqual([154, 308, 461, 77]);
    expect(apportion(7, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('is quieter on Sundays and during Tết, and grows over the years', () => {
    expect(dayWeight('2025-06-01', 0)).toBeLessThan(dayWeight('2025-06-02', 0)); // Sunday, Monday
    expect(dayWeight('2025-02-03', 0)).toBeLessThan(dayWeight('2025-07-07', 0));
    expect(dayWeight('2025-06-02', 1)).toBeGreaterThan(dayWeight('2025-06-02', 0));
  });

  it('puts submissions on their day, before the limit, mostly by day', () => {
    const start = localDayStart('2025-03-04');
    const times = Array.from({ length: 3000 }, () => submissionTime(random, '2025-03-04', start + 86_400_000));
    expect(times.every((t) => localDay(t) === '2025-03-04')).toBe(true);
    const night = times.filter((t) => (t - start) / 3_600_000 < 5).length;
    expect(night / times.length).toBeLessThan(0.1);
    const cut = start + 9 * 3_600_000;
    expect(Array.from({ length: 500 }, () => submissionTime(random, '2025-03-04', cut)).every((t) => t < cut)).toBe(
      true,
    );
  });
});
