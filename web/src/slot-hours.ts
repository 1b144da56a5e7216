import type { SlotHour } from './api';
import { formatTime, localDay } from './format';

/** One spelling of an instant (the API's, with or without milliseconds), so a select's values compare. */
export const instant = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
};

/** The hours of a gate and direction grouped by local day, only the hours that have a capacity. */
export function slotDays(hours: readonly SlotHour[]): { day: string; first: string; hours: SlotHour[] }[] {
  const days: { day: string; first: string; hours: SlotHour[] }[] = [];
  for (const hour of hours) {
    if (hour.capacity <= 0) continue;
    const day = localDay(hour.slotStart);
    const last = days.at(-1);
    if (last && last.day === day) last.hours.push(hour);
    else days.push({ day, first: hour.slotStart, hours: [hour] });
  }
  return days;
}

/** The hours as a table: one row per local hour that is open on some day, one column per local day. */
export function slotTable(hours: readonly SlotHour[]): {
  days: { day: string; first: string }[];
  rows: { hour: string; cells: (SlotHour | null)[] }[];
} {
  const days: { day: string; first: string }[] = [];
  const byKey = new Map<string, SlotHour>();
  const open = new Set<string>();
  for (const h of hours) {
    const day = localDay(h.slotStart);
    if (!days.some((d) => d.day === day)) days.push({ day, first: h.slotStart });
    const hour = formatTime(h.slotStart);
    byKey.set(`${day} ${hour}`, h);
    if (h.capacity > 0) open.add(hour);
  }
  const rows = [...open].sort().map((hour) => ({
    hour,
    cells: days.map((d) => byKey.get(`${d.day} ${hour}`) ?? null),
  }));
  return { days, rows };
}
