import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';

// C0 and C1 controls other than tab, newline and carriage return, plus DEL: never meaningful in this API's fields.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Far deeper than any valid body; bounds the walk below and whatever recurses after it.
const MAX_DEPTH = 16;

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The first field path that is nested too deeply or holds a control character; iterative, so no input can overflow the stack. */
function findUnsafeValue(root: unknown): FieldProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (CONTROL.test(value))
        return { field: path || 'body', message: 'must not contain control characters (such as NUL)' };
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH)
        return { field: path || 'body', message: `must not be nested more than ${MAX_DEPTH} levels deep` };
      const entries = Array.isArray(value) ? value.map((item, i) => [`[${i}]`, item] as const) : Object.entries(value);
      for (const [key, item] of entries) {
        if (CONTROL.test(key))
          return { field: path ? `${path}.${key}` : key, message: 'field names must not contain control characters' };
        const childPath = key.startsWith('[') ? `${path}${key}` : path ? `${path}.${key}` : key;
        stack.push({ value: item, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

export function validationFailed(problems: FieldProblem[]): DomainError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new DomainError('REQUEST.VALIDATION_FAILED', `${first.field}: ${first.message}${more}`, problems);
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
      validationError: { target: false, value: false },
      stopAtFirstError: false,
      exceptionFactory: (errors) => validationFailed(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw validationFailed([{ field: 'body', message: 'must be a JSON object' }]);
      }
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problem = findUnsafeValue(value);
      if (problem) throw validationFailed([problem]);
    }
    return super.transform(value, metadata);
  }
}
