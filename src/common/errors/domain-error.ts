import { ERROR_STATUS, type ErrorCode } from './error-codes.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A failure the client can act on: a stable `code`, a safe message, optional safe details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown> | FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static invalidField(field: string, message: string): DomainError {
    return new DomainError('REQUEST.VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }
}
