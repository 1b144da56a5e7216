import { describe, expect, it } from '@jest/globals';
import { formatDateTime, formatDay, formatNumber, formatTime, localDay } from './format';

describe('formatting by language, in Vietnam time', () => {
  // 07:30 UTC is 14:30 in Hà Nội (UTC+7, no daylight saving).
  const at = '2026-12-06T07:30:00.000Z';

  it('writes dates day first in Vietnamese and year first in English and Chinese', () => {
    expect(formatDateTime(at, 'vi')).toBe('06/12/2026 14:30');
    expect(formatDateTime(at, 'en')).toBe('2026-12-06 14:30');
    expect(formatDateTime(at, 'zh')).toBe('2026-12-06 14:30');
  });

  it('moves to the next local day after 17:00 UTC, whatever zone the device is in', () => {
    expect(formatDateTime('2026-12-06T17:05:00.000Z', 'vi')).toBe('07/12/2026 00:05');
  });

  it('leaves a value it cannot read as it is', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });

  it('groups thousands with a dot in Vietnamese and a comma in English and Chinese', () => {
    expect(formatNumber(18000, 'vi')).toBe('18.000');
    expect(formatNumber(18000, 'en')).toBe('18,000');
    expect(formatNumber(18000, 'zh')).toBe('18,000');
    expect(formatNumber(12.5, 'vi')).toBe('12,5');
  });

  it('writes the time alone and the day alone in Vietnam time, and groups by the local day', () => {
    expect(formatTime(at)).toBe('14:30');
    expect(formatDay('2026-12-06T17:05:00.000Z', 'vi')).toBe('07/12/2026');
    expect(formatDay('2026-12-06T17:05:00.000Z', 'en')).toBe('2026-12-07');
    expect(localDay('2026-12-06T16:59:00.000Z')).toBe('2026-12-06');
    expect(localDay('2026-12-06T17:00:00.000Z')).toBe('2026-12-07');
  });
});
