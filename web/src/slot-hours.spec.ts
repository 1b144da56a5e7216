import { describe, expect, it } from '@jest/globals';
import type { SlotHour } from './api';
import { instant, slotDays, slotTable } from './slot-hours';

const hour = (slotStart: string, capacity: number, free: number): SlotHour => ({
  slotStart,
  slotEnd: new Date(Date.parse(slotStart) + 3_600_000).toISOString(),
  direction: 'export',
  capacity,
  booked: capacity - free,
  free,
  exception: null,
});

describe('the free hours of the next days as a table', () => {
  it('has a column per local day and a row per local hour open on some day, nights left out', () => {
    const table = slotTable([
      hour('2026-12-07T14:00:00.000Z', 40, 3), // 21:00 on the 7th
      hour('2026-12-07T15:00:00.000Z', 0, 0), // 22:00: closed
      hour('2026-12-08T00:00:00.000Z', 40, 40), // 07:00 on the 8th
      hour('2026-12-08T14:00:00.000Z', 40, 0), // 21:00 on the 8th
    ]);
    expect(table.days.map((d) => d.day)).toEqual(['2026-12-07', '2026-12-08']);
    expect(table.rows.map((r) => r.hour)).toEqual(['07:00', '21:00']);
    expect(table.rows[0]?.cells.map((c) => c?.free ?? null)).toEqual([null, 40]);
    expect(table.rows[1]?.cells.map((c) => c?.free ?? null)).toEqual([3, 0]);
  });

  it('groups the bookable hours by local day for the portal, and spells instants one way', () => {
    const days = slotDays([
      hour('2026-12-07T14:00:00.000Z', 40, 3),
      hour('2026-12-07T15:00:00.000Z', 0, 0),
      hour('2026-12-08T00:00:00.000Z', 40, 40),
    ]);
    expect(days.map((d) => [d.day, d.hours.length])).toEqual([
      ['2026-12-07', 1],
      ['2026-12-08', 1],
    ]);
    expect(instant('2026-12-08T00:00:00Z')).toBe('2026-12-08T00:00:00.000Z');
  });
});
