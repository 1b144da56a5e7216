import { isLateChange, nearestFreeHours, noShowCutoff } from './slot-windows.js';

const at = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour));
const bounds = { notBefore: at(0), notAfter: at(23) };

describe('nearestFreeHours', () => {
  it('lists the free hours nearest the asked one, the earlier first when equally near', () => {
    const hours = [6, 7, 8, 9, 10, 11].map((h) => ({ slot_start: at(h), free: h === 9 ? 0 : 2 }));
    expect(nearestFreeHours(hours, at(8), bounds)).toEqual([at(7), at(6), at(10)]);
  });

  it('leaves out the asked hour, full hours and hours outside the bounds', () => {
    const hours = [5, 6, 7, 8].map((h) => ({ slot_start: at(h), free: 1 }));
    expect(nearestFreeHours(hours, at(6), { notBefore: at(6), notAfter: at(7) })).toEqual([at(7)]);
    expect(nearestFreeHours([{ slot_start: at(6), free: 0 }], at(5), bounds)).toEqual([]);
  });

  it('stops at the count asked for', () => {
    const hours = [1, 2, 3, 4, 5, 6].map((h) => ({ slot_start: at(h), free: 1 }));
    expect(nearestFreeHours(hours, at(3), bounds, 2)).toEqual([at(2), at(4)]);
  });
});

describe('noShowCutoff and isLateChange', () => {
  it('a booking lapses when its hour and the late grace are over', () => {
    expect(noShowCutoff(at(12), 3_600_000)).toEqual(at(10));
  });

  it('a change less than the late-cancellation time before the hour is late', () => {
    expect(isLateChange(at(12), at(10), 2 * 3_600_000)).toBe(false);
    expect(isLateChange(at(12), new Date(at(10).getTime() + 1), 2 * 3_600_000)).toBe(true);
    expect(isLateChange(at(12), at(13), 2 * 3_600_000)).toBe(true);
  });
});
