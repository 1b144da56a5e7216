import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { DEFAULT_LANGUAGE } from '../i18n/language.js';
import { type Message, msg } from '../i18n/message.js';
import { toErrorBody } from './to-error-body.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function domainErrorFor(code: string | undefined): DomainError {
  const [errorCode, text]: [ErrorCode, Message] =
    code === 'HPE_HEADER_OVERFLOW'
      ? ['REQUEST.HEADERS_TOO_LARGE', msg('request.headersTooLarge')]
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['REQUEST.TIMEOUT', msg('request.timeout')]
        : code === 'HPE_INVALID_CONTENT_LENGTH' || code === 'HPE_UNEXPECTED_CONTENT_LENGTH'
          ? ['REQUEST.REJECTED', msg('request.badContentLength')]
          : ['REQUEST.MALFORMED_HTTP', msg('request.malformedHttp')];
  return new DomainError(errorCode, text);
}

/** The raw HTTP/1.1 answer to a request Node's parser refused: our error shape, then the connection closes. */
export function clientErrorResponse(code: string | undefined, requestId: string): string {
  const { body } = toErrorBody(domainErrorFor(code), requestId, DEFAULT_LANGUAGE);
  const json = JSON.stringify(body);
  return (
    `HTTP/1.1 ${body.statusCode} ${REASONS[body.statusCode] ?? 'Bad Request'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(json)}\r\n` +
    `X-Request-Id: ${requestId}\r\n` +
    'Connection: close\r\n\r\n' +
    json
  );
}

/**
 * Fastify's `clientErrorHandler`: such a request never becomes a Fastify request (no id, no hooks), so the id is
 * made here and logged with the parser's error code; never the raw bytes, which may hold plates or phones.
 */
export function answerClientErrors(logger: Logger): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const requestId = randomUUID();
    logger.info({ requestId, parserError: error.code ?? 'unknown' }, 'malformed HTTP request refused');
    if (socket.writable) socket.end(clientErrorResponse(error.code, requestId));
    else socket.destroy();
  };
}
