import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';

// C0 controls other than tab, newline and carriage return, plus DEL: never meaningful in this API's fields.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function findControlCharacter(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = findControlCharacter(item, `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key)) return path ? `${path}.${key}` : key;
      const hit = findControlCharacter(item, path ? `${path}.${key}` : key);
      if (hit) return hit;
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
      const field = findControlCharacter(value, '');
      if (field) throw validationFailed([{ field, message: 'must not contain control characters (such as NUL)' }]);
    }
    return super.transform(value, metadata);
  }
}
