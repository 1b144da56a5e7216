import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { type Message, msg, renderMessage } from '../i18n/message.js';
import {
  isValidCustomsDeclarationNumber,
  isValidE164Phone,
  isValidHsCode,
  isValidIso6346,
  normaliseContainerNumber,
} from '../identifiers/identifiers.js';
import { PlateNumber, PlateNumberError } from '../identifiers/plate-number.js';
import { type ConstraintFailure, type ProblemOf, registerFieldProblem } from './field-problems.js';
import { plateProblem } from './plate-field.js';

function plateKindProblem(value: unknown, kind: PlateKind): Message | null {
  if (typeof value !== 'string') return msg('field.notString');
  try {
    const plate = PlateNumber.parse(value);
    if (plate.kind !== kind) return msg(kind === 'trailer' ? 'field.notTrailerPlate' : 'field.trailerNotVehicle');
    return null;
  } catch (error) {
    if (error instanceof PlateNumberError) return plateProblem(error);
    throw error;
  }
}

/**
 * A class-validator constraint whose problem is a catalog message, built from the constraint's arguments
 * (`constraints`), the value and its object: registered for the validation pipe, which renders it in the reader's
 * language; `defaultMessage` (English) serves anyone calling class-validator directly.
 */
export function validateWith(
  name: string,
  constraints: unknown[],
  validate: (failure: ConstraintFailure) => boolean,
  problem: ProblemOf,
  options?: ValidationOptions,
): PropertyDecorator {
  registerFieldProblem(name, problem);
  const failure = (args?: ValidationArguments): ConstraintFailure => ({
    constraints: args?.constraints ?? constraints,
    value: args?.value,
    object: args?.object ?? {},
  });
  return ValidateBy(
    {
      name,
      constraints,
      validator: {
        validate: (value, args) => validate({ ...failure(args), value }),
        defaultMessage: (args) => `${args?.property ?? 'value'} ${renderMessage('en', problem(failure(args)))}`,
      },
    },
    options,
  );
}

type PlateKind = 'vehicle' | 'trailer';

/** A Vietnamese or Chinese plate of the given kind, in any spelling PlateNumber accepts. */
export function IsPlate(kind: PlateKind, options?: ValidationOptions): PropertyDecorator {
  return validateWith(
    'isPlate',
    [kind],
    ({ value, constraints }) => plateKindProblem(value, constraints[0] as PlateKind) === null,
    ({ value, constraints }) => plateKindProblem(value, constraints[0] as PlateKind) ?? msg('plate.invalidFormat'),
    options,
  );
}

function simple(name: string, test: (v: string) => boolean, problem: Message, options?: ValidationOptions) {
  return validateWith(
    name,
    [],
    ({ value }) => typeof value === 'string' && test(value),
    () => problem,
    options,
  );
}

export const IsContainerNumber = (o?: ValidationOptions) =>
  simple('isContainerNumber', (v) => isValidIso6346(normaliseContainerNumber(v)), msg('field.containerNumber'), o);
export const IsHsCode = (o?: ValidationOptions) => simple('isHsCode', isValidHsCode, msg('field.hsCode'), o);
export const IsCustomsDeclarationNumber = (o?: ValidationOptions) =>
  simple('isCustomsDeclarationNumber', isValidCustomsDeclarationNumber, msg('field.customsDeclarationNumber'), o);
export const IsE164Phone = (o?: ValidationOptions) => simple('isE164Phone', isValidE164Phone, msg('field.phone'), o);

// Anything but whitespace, format characters (zero-width, bidi) and other code points that render as nothing.
const VISIBLE = /[^\s\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** Contains at least one visible character (rejects empty, whitespace-only and zero-width-only strings). */
export const HasText = (o?: ValidationOptions) =>
  simple('hasText', (v) => VISIBLE.test(v), msg('field.visibleText'), o);

/**
 * An ISO 8601 timestamp with an explicit offset (`Z` or `+07:00`), within `maxDaysAway` of now.
 * Naive local times are refused: a gate and a company in different zones would disagree about them.
 */
export function IsTimestampNear(maxDaysAway: number, options?: ValidationOptions): PropertyDecorator {
  return validateWith(
    'isTimestampNear',
    [maxDaysAway],
    ({ value, constraints }) => {
      const at = parseStrictTimestamp(value);
      return at !== null && Math.abs(at - Date.now()) <= Number(constraints[0]) * 86_400_000;
    },
    ({ constraints }) => msg('field.timestampNear', { days: Number(constraints[0]) }),
    options,
  );
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

// UTC offsets some zone of the tz database uses (standard or summer time); `+14:59` parses, but no clock shows it.
const HALF_AND_QUARTER_HOURS = ['-09:30', '-03:30', '-02:30', '+03:30', '+04:30', '+05:30', '+05:45', '+06:30'];
const REAL_OFFSETS = new Set([
  'Z',
  '+00:00',
  ...Array.from({ length: 12 }, (_, i) => `-${String(i + 1).padStart(2, '0')}:00`),
  ...Array.from({ length: 14 }, (_, i) => `+${String(i + 1).padStart(2, '0')}:00`),
  ...HALF_AND_QUARTER_HOURS,
  ...['+08:45', '+09:30', '+10:30', '+12:45', '+13:45'],
]);

/** Epoch ms of a real calendar instant written with a real UTC offset; null otherwise (JS would roll 31 Feb into March). */
export function parseStrictTimestamp(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = REAL_OFFSETS.has(m[7]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59 || !offsetOk) {
    return null;
  }
  return Date.parse(value);
}
