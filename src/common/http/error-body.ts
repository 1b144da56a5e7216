import type { FieldProblem } from '../errors/domain-error.js';

/** The one error shape every 4xx/5xx answer has. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown> | FieldProblem[];
  requestId: string;
}
