import { HttpException } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { CONSTRAINT_ERRORS, ERROR_STATUS, type ErrorCode } from '../errors/error-codes.js';
import { violatedConstraint } from '../errors/violated-constraint.js';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.js';
import { type Message, msg, renderMessage } from '../i18n/message.js';
import type { ErrorBody } from './error-body.js';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

// Errors Fastify raises before a route runs, with what the client should do about them (not Fastify's words).
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; text: Message }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'REQUEST.INVALID_JSON', text: msg('request.invalidJson') },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'REQUEST.INVALID_JSON', text: msg('request.emptyJson') },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'REQUEST.BODY_TOO_LARGE', text: msg('request.bodyTooLarge') },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', text: msg('request.unsupportedMediaType') },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'REQUEST.REJECTED', text: msg('request.badContentLength') },
  FST_ERR_BAD_URL: { code: 'REQUEST.MALFORMED_URL', text: msg('request.malformedUrl') },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'REQUEST.URI_TOO_LONG', text: msg('request.uriTooLong') },
};

const CODE_MESSAGES: Partial<Record<ErrorCode, Message>> = {
  'REQUEST.ROUTE_NOT_FOUND': msg('request.routeNotFound'),
  'REQUEST.METHOD_NOT_ALLOWED': msg('request.methodNotAllowed'),
  'REQUEST.BODY_TOO_LARGE': msg('request.bodyTooLarge'),
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': msg('request.unsupportedMediaType'),
};

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'REQUEST.REJECTED',
  404: 'REQUEST.ROUTE_NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

// The database is saturated or unreachable: the request may succeed if retried shortly, so 503, not a bug.
// 57P01/57P02: the server ended the session under a running query (a fast or immediate stop, a terminated backend).
const PG_BUSY_CODES = new Set([
  '53300',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
]);
const POOL_TIMEOUT = /^timeout exceeded when trying to connect$|^Connection terminated/;

/** Seconds a client should wait before retrying after a 503 caused by a busy or unreachable database. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

function body(
  code: ErrorCode,
  text: Message,
  language: Language,
  requestId: string,
  details?: DomainError['details'],
): ErrorBody {
  const rendered = Array.isArray(details)
    ? details.map(({ field, problem }) => ({ field, message: renderMessage(language, problem) }))
    : details;
  const message = renderMessage(language, text);
  return { statusCode: ERROR_STATUS[code], code, message, ...(rendered ? { details: rendered } : {}), requestId };
}

/**
 * Turns anything thrown while serving a request into the public error shape, its messages in `language`.
 * Returns `unexpected: true` when the error is our bug (logged with its stack, answered with a generic 500).
 */
export function toErrorBody(
  error: unknown,
  requestId: string,
  language: Language = DEFAULT_LANGUAGE,
): { body: ErrorBody; unexpected: boolean } {
  if (error instanceof DomainError) {
    return { body: body(error.code, error.text, language, requestId, error.details), unexpected: false };
  }
  // Nest wraps errors Fastify raises before a route runs (bad JSON, body too large) in an HttpException.
  const e = ((error instanceof HttpException && error.cause) || error || {}) as FastifyLikeError;
  const fastify = e.code ? FASTIFY_ERRORS[e.code] : undefined;
  if (fastify) return { body: body(fastify.code, fastify.text, language, requestId), unexpected: false };
  const constraint = CONSTRAINT_ERRORS[violatedConstraint(e) ?? ''];
  if (constraint) return { body: body(constraint.code, constraint.text, language, requestId), unexpected: false };
  const status = error instanceof HttpException ? error.getStatus() : e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = HTTP_CODES[status] ?? 'REQUEST.REJECTED';
    const text = CODE_MESSAGES[code] ?? msg('request.rejected');
    return { body: { ...body(code, text, language, requestId), statusCode: status }, unexpected: false };
  }
  if ((e.code && PG_BUSY_CODES.has(e.code)) || (e.message && POOL_TIMEOUT.test(e.message))) {
    const busy = body('SERVICE.UNAVAILABLE', msg('service.busy'), language, requestId, {
      retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    });
    return { body: busy, unexpected: false };
  }
  return { body: body('INTERNAL', msg('internal'), language, requestId), unexpected: true };
}
