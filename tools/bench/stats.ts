/** Latency statistics. Pure: no clocks, no I/O. All times in milliseconds. */

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The p-th percentile (0–100) of ascending-sorted values by the nearest-rank method: the smallest value
 * such that at least p% of the values are less than or equal to it. NaN for an empty list.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0];
  if (p >= 100) return sorted[sorted.length - 1];
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)];
}

/** Sorts a copy (numerically) and summarises it. */
export function summarize(values: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/** Mean of a list; NaN when empty. */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

/** Memory growth over a soak: the mean of the last third of the samples against the mean of the second third. */
export function thirdsGrowth(samples: readonly number[]): { second: number; last: number; ratio: number } | null {
  if (samples.length < 3) return null;
  const third = Math.floor(samples.length / 3);
  const second = mean(samples.slice(third, 2 * third));
  const last = mean(samples.slice(samples.length - third));
  return { second, last, ratio: last / second };
}

/** Growth worth flagging: the last third's mean over 5% and over 10 MB above the second third's. */
export function memoryGrew(g: { second: number; last: number; ratio: number }): boolean {
  return g.ratio > 1.05 && g.last - g.second > 10 * 1024 * 1024;
}
