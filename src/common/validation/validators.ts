import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  isValidCustomsDeclarationNumber,
  isValidE164Phone,
  isValidHsCode,
  isValidIso6346,
  normaliseContainerNumber,
} from '../identifiers/identifiers.js';
import { PlateNumber, PlateNumberError } from '../identifiers/plate-number.js';

function plateProblem(value: unknown, kind: 'vehicle' | 'trailer'): string | null {
  if (typeof value !== 'string') return 'must be a string';
  try {
    const plate = PlateNumber.parse(value);
    if (plate.kind !== kind)
      return kind === 'trailer' ? 'is not a trailer plate' : 'is a trailer plate, not a vehicle plate';
    return null;
  } catch (error) {
    if (error instanceof PlateNumberError) return `${error.message} (${error.code})`;
    throw error;
  }
}

/** A Vietnamese or Chinese plate of the given kind, in any spelling PlateNumber accepts. */
export function IsPlate(kind: 'vehicle' | 'trailer', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlate',
      validator: {
        validate: (value) => plateProblem(value, kind) === null,
        defaultMessage: (args) => `${args?.property ?? 'plate'} ${plateProblem(args?.value, kind) ?? 'is invalid'}`,
      },
    },
    options,
  );
}

function simple(name: string, test: (v: string) => boolean, message: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => typeof value === 'string' && test(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} ${message}`,
      },
    },
    options,
  );
}

export const IsContainerNumber = (o?: ValidationOptions) =>
  simple(
    'isContainerNumber',
    (v) => isValidIso6346(normaliseContainerNumber(v)),
    'must be an ISO 6346 container number with a valid check digit',
    o,
  );
export const IsHsCode = (o?: ValidationOptions) => simple('isHsCode', isValidHsCode, 'must be an 8-digit HS code', o);
export const IsCustomsDeclarationNumber = (o?: ValidationOptions) =>
  simple(
    'isCustomsDeclarationNumber',
    isValidCustomsDeclarationNumber,
    'must be a 12-digit customs declaration number',
    o,
  );
export const IsE164Phone = (o?: ValidationOptions) =>
  simple('isE164Phone', isValidE164Phone, 'must be an international phone number like +84912345678', o);

// Anything but whitespace, format characters (zero-width, bidi) and other code points that render as nothing.
const VISIBLE = /[^\s\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** Contains at least one visible character (rejects empty, whitespace-only and zero-width-only strings). */
export const HasText = (o?: ValidationOptions) =>
  simple('hasText', (v) => VISIBLE.test(v), 'must contain a visible character', o);

/**
 * An ISO 8601 timestamp with an explicit offset (`Z` or `+07:00`), within `maxDaysAway` of now.
 * Naive local times are refused: a gate and a company in different zones would disagree about them.
 */
export function IsTimestampNear(maxDaysAway: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestampNear',
      validator: {
        validate: (value) => {
          const at = parseStrictTimestamp(value);
          return at !== null && Math.abs(at - Date.now()) <= maxDaysAway * 86_400_000;
        },
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 timestamp with offset (e.g. 2026-11-27T08:00:00+07:00) within ${maxDaysAway} days of now`,
      },
    },
    options,
  );
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Epoch ms of a real calendar instant written with an offset; null otherwise (JS would roll 31 Feb into March). */
export function parseStrictTimestamp(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[7] === 'Z' || (Number(m[8]) <= 14 && Number(m[9]) < 60);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59 || !offsetOk) {
    return null;
  }
  return Date.parse(value);
}
