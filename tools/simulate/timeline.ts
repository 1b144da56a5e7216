/** What one simulated truck went through, as instants (null: it did not happen). */
export interface TruckRecord {
  gate: string;
  perishable: boolean;
  /** The booked slot start (metered runs). */
  slotStart: Date | null;
  /** Reached a regulation yard (metered) and checked in there. */
  yardAt: Date | null;
  calledAt: Date | null;
  /** Reached the gate: the end of the road queue (unmetered) or the gate after the call (metered). */
  atGateAt: Date | null;
  checkedInAt: Date | null;
  exitedAt: Date | null;
  /** Left a regulation yard without reaching the gate (its declaration expired after missed calls). */
  leftYardAt: Date | null;
  /** Why it never reached the gate yard, when it did not: rejected, no_show, expired. */
  outcome: 'exited' | 'rejected' | 'no_show' | 'expired' | 'waiting';
}

/** One hour of the run, as counted at its end. */
export interface HourRow {
  /** The hour's start. */
  hour: Date;
  /** Trucks that reached a regulation yard or the gate (road) in the hour. */
  arrivals: number;
  /** Slots starting in this hour that are booked (metered). */
  booked: number;
  /** Trucks queued on the road before the gate yard at the end of the hour. */
  road: number;
  /** Trucks in the gate yards at the end of the hour. */
  gateYard: number;
  /** Trucks waiting (or called) at regulation yards at the end of the hour. */
  regulationYards: number;
  checkedIn: number;
  exited: number;
  /** Minutes from reaching the gate to leaving it through the exit, of the trucks that left in this hour. */
  gateWaitMedian: number | null;
  gateWaitMax: number | null;
  /** Minutes from checking in at a regulation yard to the call, of the trucks called in this hour. */
  yardWaitMedian: number | null;
  yardWaitMax: number | null;
}

export interface ModeSummary {
  mode: 'metered' | 'unmetered';
  trucks: number;
  rejected: number;
  noShows: number;
  expired: number;
  exited: number;
  /** Gate check-ins the service refused (none expected: the run sends a truck only where the gate takes it). */
  refusedAtGate: number;
  /** Still on the road, in a yard or waiting when the run stopped. */
  unfinished: number;
  /** Over every truck that reached the gate; those still on the road at the end count their wait so far. */
  gateWaitMedianMinutes: number;
  gateWaitP90Minutes: number;
  gateWaitMaxMinutes: number;
  yardWaitMedianMinutes: number | null;
  yardWaitMaxMinutes: number | null;
  maxRoadQueue: number;
  maxGateYard: number;
  maxRegulationYards: number;
  /** Hours from the day's midnight to the last exit. */
  lastExitHour: number | null;
  simulatedHours: number;
  wallSeconds: number;
}

export interface ModeResult {
  summary: ModeSummary;
  hours: HourRow[];
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The q-quantile (nearest rank) of the values; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const minutesBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;

/**
 * The time a truck spends at the gate: from reaching it (the end of the road queue, or the gate after its call) to
 * leaving through the exit (queue, gate yard and clearance), or to `end` when it has not left yet.
 */
export function gateWait(r: TruckRecord, end: Date): number | null {
  if (!r.atGateAt) return null;
  return minutesBetween(r.atGateAt, r.exitedAt ?? end);
}

export function yardWait(r: TruckRecord, end: Date): number | null {
  if (!r.yardAt) return null;
  return minutesBetween(r.yardAt, r.calledAt ?? end);
}

const within = (at: Date | null, from: number, to: number): boolean =>
  at !== null && at.getTime() >= from && at.getTime() < to;

const before = (at: Date | null, t: number): boolean => at !== null && at.getTime() <= t;
const notBefore = (at: Date | null, t: number): boolean => at === null || at.getTime() > t;

/** Where the trucks are at instant `t`: on the road before the gate, in the gate yards, at regulation yards. */
export function occupancy(
  records: readonly TruckRecord[],
  t: number,
): { road: number; gateYard: number; regulationYards: number } {
  let road = 0;
  let gateYard = 0;
  let regulationYards = 0;
  for (const r of records) {
    if (before(r.atGateAt, t) && notBefore(r.checkedInAt, t)) road += 1;
    if (before(r.checkedInAt, t) && notBefore(r.exitedAt, t)) gateYard += 1;
    if (before(r.yardAt, t) && notBefore(r.atGateAt, t) && notBefore(r.leftYardAt, t)) regulationYards += 1;
  }
  return { road, gateYard, regulationYards };
}

/** Hour rows from the records, for the hours [start, start + count h). */
export function hourRows(records: readonly TruckRecord[], start: Date, count: number): HourRow[] {
  const rows: HourRow[] = [];
  for (let h = 0; h < count; h++) {
    const from = start.getTime() + h * 3_600_000;
    const to = from + 3_600_000;
    const left = records.filter((r) => within(r.exitedAt, from, to));
    const called = records.filter((r) => within(r.calledAt, from, to));
    const gateWaits = left.map((r) => gateWait(r, r.exitedAt!)).filter((w): w is number => w !== null);
    const yardWaits = called.map((r) => yardWait(r, r.calledAt!)).filter((w): w is number => w !== null);
    rows.push({
      hour: new Date(from),
      arrivals: records.filter((r) => within(r.yardAt ?? r.atGateAt, from, to)).length,
      booked: records.filter((r) => within(r.slotStart, from, to)).length,
      ...occupancy(records, to),
      checkedIn: records.filter((r) => within(r.checkedInAt, from, to)).length,
      exited: left.length,
      gateWaitMedian: median(gateWaits),
      gateWaitMax: gateWaits.length ? Math.max(...gateWaits) : null,
      yardWaitMedian: median(yardWaits),
      yardWaitMax: yardWaits.length ? Math.max(...yardWaits) : null,
    });
  }
  return rows;
}
