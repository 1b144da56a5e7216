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

/** Contains at least one visible character (rejects empty and whitespace-only strings). */
export const HasText = (o?: ValidationOptions) => simple('hasText', (v) => /\S/u.test(v), 'must not be blank', o);

/**
 * An ISO 8601 timestamp with an explicit offset (`Z` or `+07:00`), within `maxDaysAway` of now.
 * Naive local times are refused: a gate and a company in different zones would disagree about them.
 */
export function IsTimestampNear(maxDaysAway: number, options?: ValidationOptions): PropertyDecorator {
  const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
  return ValidateBy(
    {
      name: 'isTimestampNear',
      validator: {
        validate: (value) => {
          if (typeof value !== 'string' || !pattern.test(value)) return false;
          const at = Date.parse(value);
          return Number.isFinite(at) && Math.abs(at - Date.now()) <= maxDaysAway * 86_400_000;
        },
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 timestamp with offset (e.g. 2026-11-27T08:00:00+07:00) within ${maxDaysAway} days of now`,
      },
    },
    options,
  );
}
