import pg from 'pg';
import { runMode, type RunOptions } from '../tools/simulate/run.js';
import type { ModeResult } from '../tools/simulate/timeline.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './support/test-env.js';

// The simulation's scratch databases beside the suite's own (names must contain "sim"; each run recreates its own).
const simUrl = (mode: string): string => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_sim_${mode}`;
  return url.toString();
};

// A small day that still overflows the gates: 300 trucks against a tenth of the standing capacity (15 an hour at
// the two gates, 07:00–22:00), so without metering the road queue grows through the day.
const options: RunOptions = {
  day: '2021-12-20',
  trucks: 300,
  seed: 3,
  databaseUrl: simUrl('off'),
  redisUrl: TEST_REDIS_URL,
  stepMinutes: 5,
  callEveryMinutes: 5,
  drainHours: 48,
  serviceFactor: 0.1,
  log: () => undefined,
};

describe('npm run simulate', () => {
  let unmetered: ModeResult;
  let metered: ModeResult;

  beforeAll(async () => {
    [unmetered, metered] = await Promise.all([
      runMode('unmetered', options),
      runMode('metered', { ...options, databaseUrl: simUrl('on') }),
    ]);
  }, 900_000);

  afterAll(async () => {
    const admin = new URL(TEST_DATABASE_URL);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    for (const mode of ['off', 'on']) {
      const name = decodeURIComponent(new URL(simUrl(mode)).pathname.slice(1));
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    await client.end();
  });

  it('accounts for every truck of the day in both modes', () => {
    for (const { summary: s } of [unmetered, metered]) {
      expect(s.trucks).toBe(300);
      expect(s.exited + s.unfinished + s.rejected + s.noShows + s.expired).toBe(300);
      // The run sends a truck to the gate only where the gate's own check-in takes it.
      expect(s.refusedAtGate).toBe(0);
    }
    expect(unmetered.summary).toMatchObject({ rejected: 0, noShows: 0, expired: 0 });
    expect(metered.summary.noShows).toBeGreaterThan(0);
  });

  it('without metering, queues the trucks on the road and their time at the gate grows with the day', () => {
    expect(unmetered.summary.maxRoadQueue).toBeGreaterThan(20);
    expect(unmetered.summary.gateWaitMaxMinutes).toBeGreaterThan(24 * 60);
    expect(unmetered.hours.every((h) => h.regulationYards === 0 && h.booked === 0)).toBe(true);
  });

  it('with metering, keeps the time at the gate bounded and below the unmetered one; the waiting moves to the regulation yards', () => {
    const s = metered.summary;
    expect(s.maxRoadQueue).toBe(0);
    // The call forward fills the gate yard at most: a truck called in waits for what is ahead of it there (the
    // yard holds under 5 hours of the gate's clearing) and, called late in the day, for the night.
    expect(s.maxGateYard).toBeLessThanOrEqual(40 + 30);
    expect(s.gateWaitMaxMinutes).toBeLessThan(24 * 60);
    expect(s.gateWaitMaxMinutes).toBeLessThan(unmetered.summary.gateWaitMaxMinutes);
    expect(s.gateWaitP90Minutes).toBeLessThan(unmetered.summary.gateWaitP90Minutes);
    expect(s.gateWaitMedianMinutes).toBeLessThan(unmetered.summary.gateWaitMedianMinutes);
    expect(s.maxRegulationYards).toBeGreaterThan(0);
    expect(s.yardWaitMedianMinutes).not.toBeNull();
    // The slots spread the day's trucks over the hours after it.
    const dayEnd = new Date(Date.parse('2021-12-20T00:00:00+07:00') + 86_400_000).getTime();
    expect(metered.hours.filter((h) => h.hour.getTime() >= dayEnd).some((h) => h.booked > 0)).toBe(true);
  });

  it('counts the arrivals hour by hour', () => {
    const arrived = (r: ModeResult): number => r.hours.reduce((sum, h) => sum + h.arrivals, 0);
    expect(arrived(unmetered)).toBe(300);
    expect(arrived(metered)).toBe(300 - metered.summary.noShows - metered.summary.rejected);
  });
});
