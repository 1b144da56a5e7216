import { type Message, msg, renderMessage } from '../i18n/message.js';
import { ERROR_STATUS, type ErrorCode } from './error-codes.js';

/** One offending field and what is wrong with it; answered as `{field, message}` in the reader's language. */
export interface FieldProblem {
  field: string;
  problem: Message;
}

/**
 * A failure the client can act on: a stable `code`, a message from the catalogs (src/common/i18n), optional
 * safe details. `.message` is the English text (logs, the CLI); the HTTP answer renders `text` in the language
 * the client asked for.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    readonly details?: Record<string, unknown> | FieldProblem[],
  ) {
    super(renderMessage('en', text));
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static invalidField(field: string, problem: Message): DomainError {
    return new DomainError('REQUEST.VALIDATION_FAILED', msg('request.fieldProblem', { field, problem }), [
      { field, problem },
    ]);
  }
}
