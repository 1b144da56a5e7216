import { parseBenchArgs } from './args.js';
import type { LoadResult } from './load/protocol.js';
import { type BenchResults, evaluateTargets, summarize, tableRows } from './results.js';
import { summarize as latency } from './stats.js';

function load(rps: number, p50: number, p99: number, extra: Partial<LoadResult> = {}): LoadResult {
  return {
    mode: 'closed',
    workload: 'lookup',
    generator: 'autocannon',
    connections: 32,
    elapsedSec: 15,
    completed: rps * 15,
    rps,
    latency: { ...latency([p50, p99]), p50, p99 },
    ok: rps * 15,
    expected: 0,
    non2xx: 0,
    socketErrors: 0,
    timeouts: 0,
    statusCounts: {},
    sampleErrors: [],
    ...extra,
  };
}

function results(): BenchResults {
  return {
    schema: 1,
    machine: null,
    options: parseBenchArgs([]),
    settings: {},
    dataset: {
      seeded: 100_000,
      method: 'seed-load',
      reused: true,
      declarationsAtStart: 100_500,
      seedSeconds: 40,
      floorRows: 100_500,
    },
    scenarios: {
      lookup: { service: load(3000, 8, 30), floor: load(2000, 10, 40), ratio: 1.5 },
      submit: { service: load(400, 70, 150), floor: load(1000, 30, 60), ratio: 0.4 },
      openLookup: { service: load(1000, 3, 12, { mode: 'open', offeredRate: 1000 }) },
    },
    memory: { peakRss: { 'api 1': 200 * 1024 * 1024 }, apiPeakRss: 200 * 1024 * 1024 },
    verification: null,
    notes: [],
    targets: [],
    table: [],
    summary: {},
  };
}

describe('tableRows', () => {
  it('puts service and floor side by side with the ratio on the service row', () => {
    const rows = tableRows(results());
    expect(rows.map((r) => [r.scenario, r.system, r.load])).toEqual([
      ['1 lookup', 'service', 'closed 32c'],
      ['1 lookup', 'floor', 'closed 32c'],
      ['2 submission', 'service', 'closed 32c'],
      ['2 submission', 'floor', 'closed 32c'],
      ['3 lookup', 'service', 'open 1000/s'],
    ]);
    expect(rows[0].vsFloor).toBe(1.5);
    expect(rows[1].vsFloor).toBeNull();
  });
});

describe('evaluateTargets', () => {
  it('passes, misses, and leaves unmeasured targets open', () => {
    const byName = Object.fromEntries(
      evaluateTargets(results()).map((t) => [t.target.split(' ').slice(0, 3).join(' '), t]),
    );
    expect(byName['lookup ≥ 1.0×'].pass).toBe(true);
    expect(byName['lookup p99 <'].pass).toBe(true);
    expect(byName['submission ≥ 0.5×'].pass).toBe(false);
    expect(byName['submission p99 <'].pass).toBeNull();
    expect(byName['API RSS <'].pass).toBe(true);
    expect(byName['soak: no memory'].pass).toBeNull();
  });

  it('officers fail on duplicates even when fast', () => {
    const r = results();
    r.scenarios.officers = {
      load: load(100, 5, 10),
      officers: 20,
      trucks: 600,
      steps: 2000,
      prepSeconds: 30,
      claim: latency([5, 10]),
      decide: latency([5, 10]),
      decisions: 1000,
      decisionsPerSec: 100,
      claimedTwice: 1,
      decidedTwice: 0,
      clientSawDuplicateClaim: 0,
      verified: false,
    };
    const officers = evaluateTargets(r).find((t) => t.target.startsWith('officers'))!;
    expect(officers.pass).toBe(false);
  });
});

describe('summary', () => {
  it('has flat keys to compare runs', () => {
    const s = summarize(results());
    expect(s['lookup.service.p50Ms']).toBe(8);
    expect(s['lookup.vsFloor']).toBe(1.5);
    expect(s['submit.floor.rps']).toBe(1000);
    expect(s['accepted50.p95Ms']).toBeNull();
    expect(s.declarations).toBe(100_500);
  });
});
