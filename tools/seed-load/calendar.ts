import type { Random } from './random.js';

export const DAY_MS = 86_400_000;
// Asia/Ho_Chi_Minh has had no daylight saving since 1975: a fixed UTC+7 is exact for every gate day.
const GATE_UTC_OFFSET_MS = 7 * 3_600_000;

// Formatting dates is the hottest work of a load (several per audit record): each day is formatted once.
const utcDays = new Map<number, string>();
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

function utcDay(dayNumber: number): string {
  let day = utcDays.get(dayNumber);
  if (day === undefined) {
    day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    utcDays.set(dayNumber, day);
  }
  return day;
}

/** `new Date(t).toISOString()` for a whole-millisecond instant, several times faster. */
export function isoTime(t: number): string {
  const dayNumber = Math.floor(t / DAY_MS);
  let rest = t - dayNumber * DAY_MS;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  return `${utcDay(dayNumber)}T${PAD2[Math.floor(rest / 60)]}:${PAD2[rest % 60]}:${PAD2[seconds]}.${PAD3[ms]}Z`;
}

/** The gate's local day (YYYY-MM-DD) of an instant, as `(t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`. */
export function localDay(t: number): string {
  return utcDay(Math.floor((t + GATE_UTC_OFFSET_MS) / DAY_MS));
}

/** The instant a local day (YYYY-MM-DD) starts. */
export function localDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - GATE_UTC_OFFSET_MS;
}

/** The local days from `months` months before `now`'s day up to and including `now`'s day. */
export function historyDays(now: number, months: number): string[] {
  const today = localDay(now);
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - months);
  const days: string[] = [];
  for (let t = first.getTime(); ; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push(day);
    if (day === today) return days;
  }
}

// Sunday is quiet, Saturday a little; Tết (late January–February) empties the roads, summer fruit fills them.
const WEEKDAY = [0.55, 1.05, 1.05, 1.05, 1.05, 1.05, 0.85];
const MONTH = [1.05, 0.75, 0.95, 0.95, 1.0, 1.1, 1.15, 1.1, 1.0, 0.95, 1.0, 1.1];
const ANNUAL_GROWTH = 0.12;

/** Relative volume of a day: slow growth over the years, a weekly and a seasonal shape. */
export function dayWeight(day: string, yearsFromStart: number): number {
  const date = new Date(`${day}T00:00:00Z`);
  return (1 + ANNUAL_GROWTH * yearsFromStart) * WEEKDAY[date.getUTCDay()] * MONTH[date.getUTCMonth()];
}

/** Splits `total` over `weights` exactly (largest remainder), so the day counts add up to the total asked for. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k].i] += 1;
  return counts;
}

// Declarations by local hour: little at night, the morning rush before the gates' busiest hours, a quieter evening.
const HOURLY = [1, 0.6, 0.5, 0.5, 0.8, 2, 4, 6, 7, 7, 6.5, 6, 5, 5.5, 6, 6, 5.5, 5, 4, 3, 2.5, 2, 1.5, 1.2];

/** A submission instant on `day`, shaped by the hour of day, strictly before `until`. */
export function submissionTime(random: Random, day: string, until: number): number {
  const start = localDayStart(day);
  const hours = HOURLY.map((w, h) => (start + h * 3_600_000 < until ? w : 0));
  const weights = Object.fromEntries(hours.map((w, h) => [String(h), w])) as Record<string, number>;
  for (;;) {
    const t = start + Number(random.weighted(weights)) * 3_600_000 + random.int(0, 3_599_999);
    if (t < until) return t;
  }
}
