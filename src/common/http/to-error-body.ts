import { HttpException } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { CONSTRAINT_ERRORS, ERROR_STATUS, type ErrorCode } from '../errors/error-codes.js';
import { violatedConstraint } from '../errors/violated-constraint.js';
import type { ErrorBody } from './error-body.js';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST.INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST.INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST.BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST.REJECTED',
  FST_ERR_BAD_URL: 'REQUEST.MALFORMED_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'REQUEST.URI_TOO_LONG',
};

const FASTIFY_MESSAGES: Partial<Record<ErrorCode, string>> = {
  'REQUEST.INVALID_JSON': 'Body is not valid JSON',
  'REQUEST.MALFORMED_URL': 'The URL is not valid percent-encoding',
  'REQUEST.URI_TOO_LONG': 'A path segment is too long',
};

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'REQUEST.REJECTED',
  404: 'REQUEST.ROUTE_NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

// The database is saturated or unreachable: the request may succeed if retried shortly, so 503, not a bug.
const PG_BUSY_CODES = new Set(['53300', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET']);
const POOL_TIMEOUT = /^timeout exceeded when trying to connect$|^Connection terminated/;

/** Seconds a client should wait before retrying after a 503 caused by a busy or unreachable database. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

function body(code: ErrorCode, message: string, requestId: string, details?: ErrorBody['details']): ErrorBody {
  return { statusCode: ERROR_STATUS[code], code, message, ...(details ? { details } : {}), requestId };
}

/**
 * Turns anything thrown while serving a request into the public error shape.
 * Returns `unexpected: true` when the error is our bug (logged with its stack, answered with a generic 500).
 */
export function toErrorBody(error: unknown, requestId: string): { body: ErrorBody; unexpected: boolean } {
  if (error instanceof DomainError) {
    return { body: body(error.code, error.message, requestId, error.details), unexpected: false };
  }
  // Nest wraps errors Fastify raises before a route runs (bad JSON, body too large) in an HttpException.
  const e = ((error instanceof HttpException && error.cause) || error || {}) as FastifyLikeError;
  if (e.code && FASTIFY_CODES[e.code]) {
    const code = FASTIFY_CODES[e.code];
    const message = FASTIFY_MESSAGES[code] ?? e.message ?? code;
    return { body: body(code, message, requestId), unexpected: false };
  }
  const constraint = CONSTRAINT_ERRORS[violatedConstraint(e) ?? ''];
  if (constraint) return { body: body(constraint.code, constraint.message, requestId), unexpected: false };
  if (error instanceof HttpException && error.getStatus() < 500) {
    const code = HTTP_CODES[error.getStatus()] ?? 'REQUEST.REJECTED';
    return { body: { ...body(code, error.message, requestId), statusCode: error.getStatus() }, unexpected: false };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = HTTP_CODES[e.statusCode] ?? 'REQUEST.REJECTED';
    return {
      body: { ...body(code, e.message ?? 'Bad request', requestId), statusCode: e.statusCode },
      unexpected: false,
    };
  }
  if ((e.code && PG_BUSY_CODES.has(e.code)) || (e.message && POOL_TIMEOUT.test(e.message))) {
    const busy = body('SERVICE.UNAVAILABLE', 'The service is busy; retry shortly', requestId, {
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    });
    return { body: busy, unexpected: false };
  }
  return { body: body('INTERNAL', 'Internal error', requestId), unexpected: true };
}
