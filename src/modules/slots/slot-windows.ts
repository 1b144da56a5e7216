/** One hour's room, as the nearest-free search reads it. */
export interface HourRoom {
  slot_start: Date;
  free: number;
}

export const HOUR_MS = 3_600_000;

/**
 * Up to `count` hours with room, nearest to `target` first (the earlier of two equally near), leaving out `target`
 * itself and any hour starting before `notBefore` or after `notAfter`.
 */
export function nearestFreeHours(
  hours: readonly HourRoom[],
  target: Date,
  bounds: { notBefore: Date; notAfter: Date },
  count = 3,
): Date[] {
  const t = target.getTime();
  return hours
    .filter((h) => {
      const at = h.slot_start.getTime();
      return h.free > 0 && at !== t && at >= bounds.notBefore.getTime() && at <= bounds.notAfter.getTime();
    })
    .map((h) => h.slot_start)
    .sort((a, b) => Math.abs(a.getTime() - t) - Math.abs(b.getTime() - t) || a.getTime() - b.getTime())
    .slice(0, count);
}

/** The latest slot start whose booking has lapsed at `now`: the hour and the late grace are over. */
export function noShowCutoff(now: Date, lateGraceMs: number): Date {
  return new Date(now.getTime() - HOUR_MS - lateGraceMs);
}

/** Whether a move or release at `now` of a booking of `slotStart` is late (less than `lateCancellationMs` before it). */
export function isLateChange(slotStart: Date, now: Date, lateCancellationMs: number): boolean {
  return slotStart.getTime() - now.getTime() < lateCancellationMs;
}
