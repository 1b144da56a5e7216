/**
 * The open-loop schedule: request i is due at t0 + i / rate, whatever happened to the requests before it.
 * Its latency is completion − due time, so a stall delays every request due during it and all of them count
 * (no coordinated omission). Pure: times are numbers in milliseconds from any origin.
 */

/** How many requests a steady `rate` (per second) schedules over `durationSec`. */
export function plannedCount(rate: number, durationSec: number): number {
  return Math.max(0, Math.floor(rate * durationSec));
}

/** When request i is due. */
export function dueAt(t0: number, i: number, rate: number): number {
  return t0 + (i * 1000) / rate;
}

/** How many requests are due by `now` (i.e. indexes 0 … n-1), capped at `total`. */
export function dueBy(t0: number, now: number, rate: number, total: number): number {
  if (now < t0) return 0;
  // Estimate, then settle against dueAt itself so floating-point rounding cannot disagree with it.
  let n = Math.min(total, Math.floor(((now - t0) * rate) / 1000) + 1);
  while (n < total && dueAt(t0, n, rate) <= now) n++;
  while (n > 0 && dueAt(t0, n - 1, rate) > now) n--;
  return n;
}

/** Latency as the open loop counts it: from when the request was due, not from when it was sent. */
export function openLoopLatency(due: number, completedAt: number): number {
  return completedAt - due;
}
