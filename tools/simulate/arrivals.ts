import { Random } from '../seed-load/random.js';

export type SimGate = 'HUU_NGHI' | 'TAN_THANH';
export type SimDirection = 'export' | 'import';

/** Vietnam time, the gates' local time (no daylight saving). */
export const LOCAL_OFFSET_MS = 7 * 3_600_000;

/**
 * Relative arrivals per local hour of a December peak day (0 = midnight): few at night, the trucks that waited
 * for first light from 05:00, a morning peak 07:00–10:00, a long afternoon, a fall after 19:00. Most (≈ 90%)
 * arrive between 06:00 and 20:00.
 */
export const HOURLY_PROFILE: readonly number[] = [
  0.6, 0.5, 0.4, 0.4, 0.6, 1.2, 3.5, 7.5, 9.5, 9, 8, 6.5, 5, 5.5, 6, 6, 5.5, 5, 4, 3.2, 2, 1.5, 1, 0.8,
];

/** The shares of a peak day in December (fruit season: many perishable loads). */
export interface TruckMix {
  /** Share of trucks for Hữu Nghị (the rest for Tân Thanh). */
  huuNghi: number;
  /** Share of exports at each gate. */
  exportShare: Record<SimGate, number>;
  perishable: number;
  emptyReturn: number;
  /** Share of trips by authorised economic operators. */
  aeo: number;
  /** Share of booked trucks that never come. */
  noShow: number;
}

export const DECEMBER_MIX: TruckMix = {
  huuNghi: 0.6,
  exportShare: { HUU_NGHI: 0.45, TAN_THANH: 0.55 },
  perishable: 0.4,
  emptyReturn: 0.08,
  aeo: 0.1,
  noShow: 0.03,
};

export interface Truck {
  /** 0-based, in order of the wished arrival. */
  index: number;
  gate: SimGate;
  direction: SimDirection;
  /** When the truck wants to be at the gate (the unmetered run's arrival). */
  wishAt: Date;
  /** Hours before its wish the company declares it (and books its slot). */
  leadMinutes: number;
  /** With a slot: minutes before (negative: after) the slot start the truck reaches the regulation yard. */
  earlyMinutes: number;
  perishable: boolean;
  emptyReturn: boolean;
  aeo: boolean;
  noShow: boolean;
  /** 0 ≤ pick < 1: a stable draw for choices made later (company, regulation yard, plate). */
  pick: number;
}

/** Midnight of `day` (YYYY-MM-DD) in Vietnam time, as an instant. */
export function localMidnight(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  }
  return new Date(Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS);
}

/** Splits `total` over the weights: largest remainders, so the parts sum to `total` exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/**
 * `count` trucks wishing to arrive over the local day `day`, hour by hour after HOURLY_PROFILE (the counts exact,
 * the minutes within an hour random), with the December mix. The same seed gives the same trucks.
 */
export function generateArrivals(day: string, count: number, seed: number, mix: TruckMix = DECEMBER_MIX): Truck[] {
  const random = new Random(seed);
  const start = localMidnight(day).getTime();
  const perHour = apportion(count, HOURLY_PROFILE);
  const wishes: number[] = [];
  perHour.forEach((n, hour) => {
    for (let i = 0; i < n; i++) wishes.push(start + hour * 3_600_000 + Math.floor(random.next() * 3_600_000));
  });
  wishes.sort((a, b) => a - b);
  return wishes.map((wish, index) => {
    const gate: SimGate = random.chance(mix.huuNghi) ? 'HUU_NGHI' : 'TAN_THANH';
    const emptyReturn = random.chance(mix.emptyReturn);
    // An empty truck carries nothing to rot: the perishable share is of the loaded ones, so the day's total holds.
    const perishable = !emptyReturn && random.chance(mix.perishable / (1 - mix.emptyReturn));
    // Fruit goes to China: perishable loads are mostly exports; empty trucks come back the other way.
    const exportShare = perishable ? 0.8 : emptyReturn ? 0.5 : mix.exportShare[gate];
    return {
      index,
      gate,
      direction: random.chance(exportShare) ? 'export' : 'import',
      wishAt: new Date(wish),
      leadMinutes: random.int(60, 12 * 60),
      earlyMinutes: random.chance(0.85) ? random.int(5, 90) : -random.int(0, 50),
      perishable,
      emptyReturn,
      aeo: random.chance(mix.aeo),
      noShow: random.chance(mix.noShow),
      pick: random.next(),
    };
  });
}

/** The local hour (0–23) of an instant. */
export function localHour(at: Date): number {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).getUTCHours();
}
