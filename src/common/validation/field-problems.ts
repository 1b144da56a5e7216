import { getMetadataStorage, type ValidationError, ValidationTypes } from 'class-validator';
import { type Message, msg } from '../i18n/message.js';

/** What a constraint needs to say what is wrong: its arguments (`@MaxLength(200)` → `[200]`), the value and its object. */
export interface ConstraintFailure {
  constraints: readonly unknown[];
  value: unknown;
  object: object;
}

export type ProblemOf = (failure: ConstraintFailure) => Message;

const first = (failure: ConstraintFailure): number => Number(failure.constraints[0]);

/**
 * The problem of each class-validator constraint this API uses, by the constraint's name (the key of
 * `ValidationError.constraints`), built from the constraint's arguments — never from its English text.
 * Custom validators add theirs with `registerFieldProblem`.
 */
const PROBLEMS = new Map<string, ProblemOf>([
  ['whitelistValidation', () => msg('field.unknown')],
  ['unknownValue', () => msg('field.unknownValue')],
  [ValidationTypes.NESTED_VALIDATION, () => msg('field.notObject')],
  ['isDefined', () => msg('field.required')],
  ['isString', () => msg('field.notString')],
  ['isInt', () => msg('field.notInteger')],
  ['isBoolean', () => msg('field.notBoolean')],
  ['isObject', () => msg('field.notObject')],
  ['isArray', () => msg('field.notArray')],
  ['isIn', (f) => msg('field.oneOf', { allowed: [...(f.constraints[0] as readonly unknown[])].map(String) })],
  ['arrayMaxSize', (f) => msg('field.tooManyItems', { max: first(f) })],
  ['arrayNotEmpty', () => msg('field.emptyArray')],
  ['arrayUnique', () => msg('field.repeatedItems')],
  ['matches', (f) => msg('field.pattern', { pattern: String(f.constraints[0]) })],
  ['max', (f) => msg('field.max', { max: first(f) })],
  ['min', (f) => msg('field.min', { min: first(f) })],
  ['maxLength', (f) => msg('field.maxLength', { max: first(f) })],
  ['minLength', (f) => msg('field.minLength', { min: first(f) })],
]);

/** Declares the problem a custom constraint reports (called where the decorator is defined). */
export function registerFieldProblem(name: string, problem: ProblemOf): void {
  PROBLEMS.set(name, problem);
}

/** Whether a constraint name has a problem message (a unit test checks every constraint on every DTO). */
export function hasFieldProblem(name: string): boolean {
  return PROBLEMS.has(name);
}

/** The constraint name of a validation metadata: the custom constraint's name, or the built-in type. */
export function constraintName(metadata: { type: string; constraintCls?: unknown }): string {
  if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION || !metadata.constraintCls) return metadata.type;
  const [constraint] = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls as () => void);
  return constraint?.name ?? metadata.type;
}

function argumentsOf(target: object | undefined, property: string, name: string): readonly unknown[] {
  if (!target) return [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', false, false);
  const match = metadatas.find((m) => m.propertyName === property && constraintName(m) === name);
  return match?.constraints ?? [];
}

/**
 * The problem one failed constraint of `error` describes. A decorator may name its own with
 * `{ context: { problem: msg(...) } }`; otherwise the constraint's name decides. A constraint nobody described
 * (a new decorator) keeps class-validator's English text rather than failing.
 */
export function problemOf(error: ValidationError, name: string): Message {
  const own = (error.contexts?.[name] as { problem?: Message } | undefined)?.problem;
  if (own) return own;
  const problem = PROBLEMS.get(name);
  if (!problem) return msg('field.invalid', { rule: error.constraints?.[name] ?? name });
  const object = error.target ?? {};
  const value = (object as Record<string, unknown>)[error.property];
  return problem({ constraints: argumentsOf(error.target, error.property, name), value, object });
}
