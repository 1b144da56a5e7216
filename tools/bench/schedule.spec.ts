import { dueAt, dueBy, openLoopLatency, plannedCount } from './schedule.js';

describe('open-loop schedule', () => {
  it('plans rate × duration requests', () => {
    expect(plannedCount(1000, 15)).toBe(15_000);
    expect(plannedCount(200, 0.5)).toBe(100);
    expect(plannedCount(0, 10)).toBe(0);
  });

  it('spaces requests evenly from t0', () => {
    expect(dueAt(500, 0, 1000)).toBe(500);
    expect(dueAt(500, 1, 1000)).toBe(501);
    expect(dueAt(0, 50, 200)).toBe(250);
  });

  it('counts the requests due by a time, capped at the total', () => {
    expect(dueBy(100, 99, 1000, 10)).toBe(0);
    expect(dueBy(100, 100, 1000, 10)).toBe(1);
    expect(dueBy(100, 100.9, 1000, 10)).toBe(1);
    expect(dueBy(100, 101, 1000, 10)).toBe(2);
    expect(dueBy(100, 1e9, 1000, 10)).toBe(10);
    expect(dueBy(0, 1000, 50, 1000)).toBe(51);
  });

  it('dueBy agrees with dueAt', () => {
    for (const i of [0, 1, 7, 123, 999]) {
      const t = dueAt(17, i, 333);
      expect(dueBy(17, t, 333, 10_000)).toBeGreaterThanOrEqual(i + 1);
    }
  });

  it('a stall counts for every request due during it', () => {
    // Requests due at 0, 10, 20 ms (100/s) all complete at 100 ms after a 100 ms stall.
    const latencies = [0, 1, 2].map((i) => openLoopLatency(dueAt(0, i, 100), 100));
    expect(latencies).toEqual([100, 90, 80]);
  });
});
