import type { ValidationOptions } from 'class-validator';
import { type Message, msg } from '../../common/i18n/message.js';
import type { ConstraintFailure } from '../../common/validation/field-problems.js';
import { validateWith } from '../../common/validation/validators.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Epoch ms (UTC midnight) of a real calendar day written `YYYY-MM-DD`; null otherwise (no 2026-02-30). */
function dayStart(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = Date.UTC(year, month - 1, day);
  const back = new Date(at);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? at : null;
}

export function isCalendarDay(value: unknown): value is string {
  return dayStart(value) !== null;
}

/** The day `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  const at = dayStart(day);
  if (at === null) throw new Error(`not a calendar day: ${day}`);
  return new Date(at + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  const a = dayStart(from);
  const b = dayStart(to);
  if (a === null || b === null) throw new Error(`not a calendar day range: ${from}..${to}`);
  return Math.max(0, Math.round((b - a) / DAY_MS) + 1);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: daysInRange(from, to) }, (_, i) => addDays(from, i));
}

/** Consecutive sub-ranges of at most `size` days covering `from`..`to`. */
export function chunkRange(from: string, to: string, size: number): { from: string; to: string }[] {
  const chunks: { from: string; to: string }[] = [];
  for (let start = from; daysInRange(start, to) > 0; start = addDays(start, size)) {
    const end = addDays(start, size - 1);
    chunks.push({ from: start, to: daysInRange(end, to) > 0 ? end : to });
  }
  return chunks;
}

/** What is wrong with the range `from`..`to` (each already a calendar day), or null when it is fine. */
export function dayRangeProblem(from: string, to: string, maxDays: number): Message | null {
  if (daysInRange(from, to) === 0) return msg('field.notBeforeFrom');
  if (daysInRange(from, to) > maxDays) return msg('field.rangeTooLong', { max: maxDays });
  return null;
}

/** A calendar day written `YYYY-MM-DD`. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return validateWith(
    'isCalendarDay',
    [],
    ({ value }) => isCalendarDay(value),
    () => msg('field.calendarDay'),
    options,
  );
}

/**
 * The end of a range that starts at the property `fromProperty`: not before it, and at most `maxDays` days
 * long. Says nothing when either end is not a calendar day (IsCalendarDay reports that, on its own field).
 */
export function IsDayRangeEnd(fromProperty: string, maxDays: number, options?: ValidationOptions): PropertyDecorator {
  const problem = ({ value, object, constraints }: ConstraintFailure): Message | null => {
    const from = (object as Record<string, unknown>)[String(constraints[0])];
    if (!isCalendarDay(value) || !isCalendarDay(from)) return null;
    return dayRangeProblem(from, value, Number(constraints[1]));
  };
  return validateWith(
    'isDayRangeEnd',
    [fromProperty, maxDays],
    (failure) => problem(failure) === null,
    (failure) => problem(failure) ?? msg('field.calendarDay'),
    options,
  );
}
