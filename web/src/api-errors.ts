/** An error answer of the API, in its one shape; or the service could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: unknown,
    /** The server's own message, in the language the page asked for (Accept-Language); for people, not code. */
    readonly text: string = '',
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export class UnreachableError extends Error {
  constructor() {
    super('unreachable');
    this.name = 'UnreachableError';
  }
}

/** Reads an error answer's body; anything not in the API's shape (a proxy's HTML page) counts as unreachable. */
export function toApiError(status: number, body: unknown): ApiError | UnreachableError {
  if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
    const { code, details, message } = body as { code: string; details?: unknown; message?: unknown };
    return new ApiError(status, code, details, typeof message === 'string' ? message : '');
  }
  return new UnreachableError();
}

/** The plate rule a refused plate broke, from `details[].message` (which ends with the rule's code). */
export function plateRule(details: unknown): string | null {
  if (!Array.isArray(details)) return null;
  for (const item of details as unknown[]) {
    const message = (item as { message?: unknown } | null)?.message;
    const code = typeof message === 'string' ? /PLATE\.[A-Z_]+/.exec(message)?.[0] : undefined;
    if (code) return code;
  }
  return null;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const KNOWN_CODES = [
  'VEHICLE.AMBIGUOUS_PLATE',
  'RATE_LIMIT.EXCEEDED',
  'SERVICE.UNAVAILABLE',
  'REQUEST.VALIDATION_FAILED',
];
const PLATE_RULES = [
  'PLATE.EMPTY',
  'PLATE.TOO_LONG',
  'PLATE.INVISIBLE_CHARACTER',
  'PLATE.LOOKALIKE_CHARACTER',
  'PLATE.UNKNOWN_PROVINCE',
  'PLATE.INVALID_FORMAT',
];

/**
 * What to tell the reader about a failed request, in their language, from the error's code (never the raw
 * answer). `plate` is the plate searched for, if any: a 404 then means no such truck is declared.
 */
export function errorText(error: unknown, t: Translate, plate?: string): string {
  if (!(error instanceof ApiError)) return t('error.unreachable');
  if (plate !== undefined && error.code === 'VEHICLE.NOT_FOUND') return t('vehicle.notFound', { plate });
  if (error.code === 'REQUEST.VALIDATION_FAILED') {
    const rule = plateRule(error.details);
    if (rule) {
      const why = PLATE_RULES.includes(rule) ? t(`plate.${rule.slice('PLATE.'.length)}`) : rule;
      return t('vehicle.invalid', { why });
    }
  }
  // i18next reads dots as nesting: the resources spell VEHICLE.AMBIGUOUS_PLATE as VEHICLE_AMBIGUOUS_PLATE.
  if (KNOWN_CODES.includes(error.code)) return t(`error.${error.code.replace('.', '_')}`);
  return t('error.other', { code: error.code });
}
