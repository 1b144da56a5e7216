import type { AppConfig } from './config/app-config.js';
import { connectionProblem } from './config/connection-problem.js';
import { EXIT_CONFIG } from './config/entry-point.js';
import { DomainError } from './common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from './common/errors/error-codes.js';
import { violatedConstraint } from './common/errors/violated-constraint.js';
import { renderMessage } from './common/i18n/message.js';

/** Exit codes of the CLI (docs/operations.md, "Operator commands"): scripts test them, so none changes meaning. */
export const EXIT = { ok: 0, failed: 1, usage: 2, alreadyExists: 3, config: EXIT_CONFIG } as const;

/** The command line itself is wrong: the message, then the command's usage, exit 2. */
export class UsageError extends Error {}

/** A refusal whose message already says what to fix. */
export class CliFailure extends Error {}

/** `taxCode` → `--tax-code`: a field as the service names it, as the option the operator typed. */
const asOption = (field: string): string => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * What to print for a failed command (one line, saying what to fix) and the exit code: bad values name their
 * option, PostgreSQL or Redis trouble names its setting; anything unexpected gets a hint, not a driver's message.
 */
export function failure(error: unknown, command: string, config: AppConfig): { message: string; exit: number } {
  if (error instanceof UsageError) return { message: error.message, exit: EXIT.usage };
  if (error instanceof CliFailure) return { message: error.message, exit: EXIT.failed };
  if (error instanceof DomainError) {
    const fields = error.code === 'REQUEST.VALIDATION_FAILED' && Array.isArray(error.details) ? error.details : [];
    const text = fields.length
      ? fields.map((f) => `${asOption(f.field)}: ${renderMessage('en', f.problem)}`).join('; ')
      : error.message;
    return { message: `${text} (${error.code})`, exit: EXIT.failed };
  }
  const constraint = CONSTRAINT_ERRORS[violatedConstraint(error) ?? ''];
  if (constraint) return { message: `${renderMessage('en', constraint.text)} (${constraint.code})`, exit: EXIT.failed };
  const connection = connectionProblem(error, config);
  if (connection) return { message: connection, exit: EXIT.failed };
  if (config.app.logLevel === 'debug' || config.app.logLevel === 'trace')
    return { message: `${command} failed: ${(error as Error)?.stack ?? String(error)}`, exit: EXIT.failed };
  const kind = error instanceof Error ? error.name : typeof error;
  return {
    message: `${command} failed unexpectedly (${kind}); run it again with LOG_LEVEL=debug to see why`,
    exit: EXIT.failed,
  };
}
