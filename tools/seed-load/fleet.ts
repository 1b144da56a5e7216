import { apportion } from './calendar.js';
import { type Driver, driver } from './people.js';
import {
  cnTrailerPlate,
  cnTruckPlate,
  distinctPlates,
  type Nationality,
  vnTrailerPlate,
  vnTruckPlate,
} from './plates.js';
import type { Random } from './random.js';

export interface Truck {
  plate: string;
  nationality: Nationality;
  trailerPlate: string | null;
  driver: Driver;
  /** When its latest trip stops tying the truck up (exit, cancellation, expiry). */
  busyUntil: number;
  /** Reference of the trip that holds it until busyUntil: what screening names for a second declaration. */
  busyWith: string | null;
  /** Its latest trip is still open at the end of the history: no later trip may use it. */
  live: boolean;
}

export const VN_TRUCK_SHARE = 0.7;

/** `count` trucks, 70 % Vietnamese, each with its usual driver and (often) a semi-trailer. */
export function trucks(random: Random, count: number): Truck[] {
  const vnCount = Math.round(count * VN_TRUCK_SHARE);
  const vn = distinctPlates(vnCount, () => vnTruckPlate(random));
  const cn = distinctPlates(count - vnCount, () => cnTruckPlate(random));
  const all = [...vn.map((p) => truck(random, p, 'VN')), ...cn.map((p) => truck(random, p, 'CN'))];
  return shuffle(random, all);
}

function truck(random: Random, plate: string, nationality: Nationality): Truck {
  const towing = random.chance(nationality === 'VN' ? 0.45 : 0.25);
  return {
    plate,
    nationality,
    trailerPlate: towing ? (nationality === 'VN' ? vnTrailerPlate(random) : cnTrailerPlate(random)) : null,
    driver: driver(random, nationality),
    busyUntil: -Infinity,
    busyWith: null,
    live: false,
  };
}

/**
 * Hands each company a fleet in proportion to its share of trips (at least one truck), so every truck makes
 * about as many trips as any other.
 */
export function splitFleets(all: readonly Truck[], shares: readonly number[]): Truck[][] {
  if (all.length < shares.length)
    throw new Error(`${all.length} trucks cannot give ${shares.length} companies one each`);
  const sizes = apportion(all.length - shares.length, shares).map((extra) => extra + 1);
  let next = 0;
  return sizes.map((size) => all.slice(next, (next += size)));
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
