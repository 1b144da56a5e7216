import { localDay } from './calendar.js';
import { type DeclarationRecord, HistoryGenerator, type GateInfo } from './history.js';

const NOW = Date.UTC(2026, 10, 27, 8, 30);
const GATES: GateInfo[] = [
  { code: 'HUU_NGHI', referencePrefix: 'HN', capacity: { export: 450, import: 900 } },
  { code: 'TAN_THANH', referencePrefix: 'TT', capacity: { export: 350, import: 450 } },
];
const LIVE = ['submitted', 'accepted', 'in_yard', 'cleared', 'refused'];
const SLOT_HOLDERS = ['accepted', 'in_yard', 'cleared', 'refused', 'exited'];

function generate(declarations: number, months = 24, seed = 3, gates = GATES) {
  const history = new HistoryGenerator({ declarations, months, seed, now: NOW, gates, feeFor: () => 1 });
  const rows: DeclarationRecord[] = [];
  let audit = 0;
  let lastAt = -Infinity;
  let ordered = true;
  for (const batch of history.batches()) {
    rows.push(...batch.declarations);
    for (const r of batch.audit) {
      ordered &&= r.event.at >= lastAt;
      lastAt = r.event.at;
    }
    audit += batch.audit.length;
  }
  return { history, rows, audit, ordered };
}

describe('history generator', () => {
  const { history, rows, audit, ordered } = generate(6000);
  const share = (test: (d: DeclarationRecord) => boolean): number => rows.filter(test).length / rows.length;

  it('makes exactly the declarations asked for, every record of them, in time order', () => {
    expect(rows).toHaveLength(6000);
    expect(audit).toBe(rows.reduce((n, d) => n + d.state.events.length, 0));
    expect(ordered).toBe(true);
  });

  it('is the same history for the same seed', () => {
    const again = generate(500, 3, 9).rows.map((d) => [d.reference, d.truck.plate, d.state.declaration.status]);
    expect(generate(500, 3, 9).rows.map((d) => [d.reference, d.truck.plate, d.state.declaration.status])).toEqual(
      again,
    );
  });

  it('shows every status, with old trips finished and only recent ones live', () => {
    const statuses = new Set(rows.map((d) => d.state.declaration.status));
    expect([...statuses].sort()).toEqual([
      'accepted',
      'cancelled',
      'cleared',
      'exited',
      'expired',
      'in_yard',
      'refused',
      'rejected',
      'submitted',
    ]);
    const live = rows.filter((d) => LIVE.includes(d.state.declaration.status));
    expect(live.every((d) => d.createdAt > NOW - 4 * 86_400_000)).toBe(true);
    expect(share((d) => d.state.declaration.status === 'exited')).toBeGreaterThan(0.85);
  });

  it('gives a truck at most one live trip, and that trip is its latest', () => {
    const latest = new Map<string, DeclarationRecord>();
    for (const d of rows)
      if ((latest.get(d.truck.plate)?.createdAt ?? -Infinity) <= d.createdAt) latest.set(d.truck.plate, d);
    for (const d of rows.filter((x) => LIVE.includes(x.state.declaration.status))) {
      expect(latest.get(d.truck.plate)).toBe(d);
    }
  });

  it('draws about one truck per 20 trips, 70 % Vietnamese, and splits gates and directions as planned', () => {
    expect(history.usedPlates.size).toBeGreaterThan(250);
    expect(history.usedPlates.size).toBeLessThanOrEqual(300);
    expect(share((d) => d.truck.nationality === 'VN')).toBeGreaterThan(0.6);
    expect(share((d) => d.truck.nationality === 'VN')).toBeLessThan(0.8);
    expect(share((d) => d.gate === 'HUU_NGHI')).toBeCloseTo(0.6, 1);
    expect(share((d) => d.direction === 'export')).toBeCloseTo(0.55, 1);
  });

  it('lets the biggest company make many times the trips of a typical one', () => {
    const trips = new Map<string, number>();
    for (const d of rows) trips.set(d.companyId, (trips.get(d.companyId) ?? 0) + 1);
    const counts = [...trips.values()].sort((a, b) => b - a);
    expect(trips.get(history.companies[0].id)).toBe(counts[0]);
    expect(counts[0]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]);
  });

  it('numbers references per gate and local day of submission, counters at the last serial', () => {
    const perDay = new Map<string, number>();
    for (const d of rows) {
      const key = `${d.gate}|${localDay(d.createdAt)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
      const prefix = d.gate === 'HUU_NGHI' ? 'HN' : 'TT';
      expect(d.reference).toBe(
        `${prefix}-${localDay(d.createdAt).replaceAll('-', '')}-${String(perDay.get(key)).padStart(5, '0')}`,
      );
    }
    expect(Object.fromEntries(history.counters)).toEqual(Object.fromEntries(perDay));
  });

  it('counts gate-day slots as screening does, never beyond capacity', () => {
    const held = new Map<string, number>();
    for (const d of rows.filter((x) => SLOT_HOLDERS.includes(x.state.declaration.status))) {
      const key = `${d.gate}|${d.direction}|${d.arrivalDay}`;
      held.set(key, (held.get(key) ?? 0) + 1);
    }
    for (const [key, n] of history.load) expect([key, n]).toEqual([key, held.get(key) ?? 0]);
    for (const key of held.keys()) expect(history.load.has(key)).toBe(true);
    const tight = GATES.map((g) => ({ ...g, capacity: { export: 3, import: 500 } }));
    const full = generate(2000, 2, 5, tight).history;
    for (const [key, n] of full.load) expect(n).toBeLessThanOrEqual(key.includes('|export|') ? 3 : 500);
  });

  it('takes about four hours from arrival at the gate to exit', () => {
    const minutes = rows
      .filter((d) => d.state.declaration.exitedAt !== null)
      .map((d) => ((d.state.declaration.exitedAt ?? 0) - (d.state.declaration.arrivedAt ?? 0)) / 60_000)
      .sort((a, b) => a - b);
    const median = minutes[Math.floor(minutes.length / 2)];
    expect(median).toBeGreaterThan(180);
    expect(median).toBeLessThan(300);
  });

  it('rejects at screening for the reasons the service gives', () => {
    const rejected = rows.filter((d) => d.state.declaration.status === 'rejected');
    const codes = new Set(rejected.flatMap((d) => d.state.declaration.reasons.map((r) => r.code)));
    expect(codes).toEqual(new Set(['ARRIVAL.OUTSIDE_WINDOW', 'VEHICLE.ALREADY_ACTIVE']));
    const small = GATES.map((g) => ({ ...g, capacity: { export: 10, import: 10 } }));
    const busy = generate(3000, 1, 4, small).rows.filter((d) =>
      d.state.declaration.reasons.some((r) => r.code === 'GATE.CAPACITY_FULL'),
    );
    expect(busy.length).toBeGreaterThan(0);
  });
});
