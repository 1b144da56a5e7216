import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';
import { msg } from '../i18n/message.js';
import { problemOf } from '../validation/field-problems.js';

// C0 and C1 controls other than tab, newline and carriage return, plus DEL: never meaningful in this API's fields.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Half of a UTF-16 surrogate pair on its own (JSON allows `"\ud800"`): no text, and storing it would garble it.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
// Names every object inherits: no field is called so, and class-validator's whitelist looks them up in a plain
// object, where some of them (`hasOwnProperty`) are found, so it would let them through as known.
const INHERITED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
// Far deeper than any valid body; bounds the walk below and whatever recurses after it.
const MAX_DEPTH = 16;

const TYPE_CONSTRAINTS = new Set([
  'isDefined',
  'isString',
  'isInt',
  'isBoolean',
  'isObject',
  'isArray',
  'nestedValidation',
]);

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const names = Object.keys(error.constraints ?? {});
    // A value of the wrong type fails its range and length rules too; naming the type alone says what to fix.
    const typeNames = names.filter((name) => TYPE_CONSTRAINTS.has(name));
    const problems = (typeNames.length > 0 ? typeNames : names).map((name) => problemOf(error, name));
    const own =
      problems.length === 0
        ? []
        : [{ field, problem: problems.length === 1 ? problems[0] : msg('field.problems', { problems }) }];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The first field path that is nested too deeply or holds a control character or a lone surrogate; iterative, so no input can overflow the stack. */
function findUnsafeValue(root: unknown): FieldProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (CONTROL.test(value)) return { field: path || 'body', problem: msg('field.controlCharacters') };
      if (LONE_SURROGATE.test(value)) return { field: path || 'body', problem: msg('field.loneSurrogate') };
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return { field: path || 'body', problem: msg('field.tooDeep', { max: MAX_DEPTH }) };
      const entries = Array.isArray(value) ? value.map((item, i) => [`[${i}]`, item] as const) : Object.entries(value);
      for (const [key, item] of entries) {
        if (CONTROL.test(key))
          return { field: path ? `${path}.${key}` : key, problem: msg('field.controlCharacterInName') };
        if (LONE_SURROGATE.test(key)) return { field: path || 'body', problem: msg('field.loneSurrogateInName') };
        const childPath = key.startsWith('[') ? `${path}${key}` : path ? `${path}.${key}` : key;
        if (!Array.isArray(value) && INHERITED_NAMES.has(key))
          return { field: childPath, problem: msg('field.unknown') };
        stack.push({ value: item, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Throws this pipe's 400 for a body or query nested too deeply or holding control characters. */
export function refuseUnsafeValue(value: unknown): void {
  const problem = findUnsafeValue(value);
  if (problem) throw validationFailed([problem]);
}

export function validationFailed(problems: FieldProblem[]): DomainError {
  const [{ field, problem }] = problems;
  const text =
    problems.length > 1
      ? msg('request.fieldProblems', { field, problem, more: problems.length - 1 })
      : msg('request.fieldProblem', { field, problem });
  return new DomainError('REQUEST.VALIDATION_FAILED', text, problems);
}

/**
 * Strict validation for every body and query: unknown fields refused (never persisted), no implicit type
 * coercion (`"false"` is not a boolean), control characters refused, every problem named by its field path.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transformOptions: { enableImplicitConversion: false },
      // The target lets a problem read its constraint's arguments; neither target nor value leaves this pipe.
      validationError: { target: true, value: false },
      stopAtFirstError: false,
      exceptionFactory: (errors) => validationFailed(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw validationFailed([{ field: 'body', problem: msg('field.bodyNotObject') }]);
      }
    }
    if (metadata.type === 'body' || metadata.type === 'query') refuseUnsafeValue(value);
    return super.transform(value, metadata);
  }
}
