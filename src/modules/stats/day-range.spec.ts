import { msg } from '../../common/i18n/message.js';
import { validateSync } from 'class-validator';
import {
  addDays,
  chunkRange,
  dayRangeProblem,
  daysInRange,
  eachDay,
  IsCalendarDay,
  IsDayRangeEnd,
  isCalendarDay,
} from './day-range.js';

describe('isCalendarDay', () => {
  it('accepts real days written YYYY-MM-DD', () => {
    for (const day of ['2026-01-01', '2024-02-29', '2026-12-31']) expect(isCalendarDay(day)).toBe(true);
  });

  it('refuses days that do not exist and other spellings', () => {
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      '20260105',
      '2026-01-05T00:00:00Z',
      '',
      20260105,
      null,
    ]) {
      expect(isCalendarDay(bad)).toBe(false);
    }
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts both ends of a range', () => {
    expect(daysInRange('2026-03-01', '2026-03-01')).toBe(1);
    expect(daysInRange('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInRange('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('lists every day of a range', () => {
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(eachDay('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('cuts a range into chunks that cover it exactly', () => {
    expect(chunkRange('2026-01-01', '2026-01-10', 4)).toEqual([
      { from: '2026-01-01', to: '2026-01-04' },
      { from: '2026-01-05', to: '2026-01-08' },
      { from: '2026-01-09', to: '2026-01-10' },
    ]);
    expect(chunkRange('2026-01-01', '2026-01-01', 31)).toEqual([{ from: '2026-01-01', to: '2026-01-01' }]);
    expect(chunkRange('2026-01-02', '2026-01-01', 31)).toEqual([]);
  });
});

describe('dayRangeProblem', () => {
  it('allows a single day and a full leap year', () => {
    expect(dayRangeProblem('2026-05-01', '2026-05-01', 366)).toBeNull();
    expect(dayRangeProblem('2024-01-01', '2024-12-31', 366)).toBeNull();
  });

  it('refuses an end before the start, and ranges longer than the limit', () => {
    expect(dayRangeProblem('2026-05-02', '2026-05-01', 366)).toEqual(msg('field.notBeforeFrom'));
    expect(dayRangeProblem('2026-01-01', '2027-01-02', 366)).toEqual(msg('field.rangeTooLong', { max: 366 }));
  });
});

describe('validation decorators', () => {
  class Range {
    @IsCalendarDay() from: unknown;
    @IsCalendarDay() @IsDayRangeEnd('from', 366) to: unknown;
  }
  const problems = (from: unknown, to: unknown) =>
    validateSync(Object.assign(new Range(), { from, to })).map((e) => [e.property, Object.keys(e.constraints ?? {})]);

  it('passes a valid range', () => {
    expect(problems('2026-01-01', '2026-01-31')).toEqual([]);
  });

  it('names the field that is not a day, and only that one', () => {
    expect(problems('2026-02-30', '2026-03-01')).toEqual([['from', ['isCalendarDay']]]);
    expect(problems('2026-03-01', 'tomorrow')).toEqual([['to', ['isCalendarDay']]]);
  });

  it('blames `to` for a backwards or too long range', () => {
    expect(problems('2026-03-02', '2026-03-01')).toEqual([['to', ['isDayRangeEnd']]]);
    expect(problems('2025-01-01', '2026-01-02')).toEqual([['to', ['isDayRangeEnd']]]);
  });
});
