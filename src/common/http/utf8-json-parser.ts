import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import { msg } from '../i18n/message.js';

const UTF8_NAMES = new Set(['utf-8', 'utf8']);

/** The charset a Content-Type header declares (lower case, quotes removed), or null when it names none. */
export function declaredCharset(contentType: string | undefined): string | null {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    return rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return null;
}

/** Why a JSON body's bytes are refused before parsing, or null when they are UTF-8 as declared. */
export function encodingProblem(contentType: string | undefined, bytes: Buffer): DomainError | null {
  const charset = declaredCharset(contentType);
  if (charset !== null && !UTF8_NAMES.has(charset)) {
    return new DomainError('REQUEST.UNSUPPORTED_CHARSET', msg('request.unsupportedCharset'));
  }
  if (!isUtf8(bytes)) return new DomainError('REQUEST.INVALID_ENCODING', msg('request.invalidUtf8'));
  return null;
}

/**
 * Replaces Fastify's JSON parser with one that takes UTF-8 only: Fastify's would decode any declared charset,
 * and invalid bytes, as UTF-8 with U+FFFD in place of what it could not read, and that would be stored.
 * Parsing itself (proto-poisoning checks included) stays Fastify's own.
 */
export function acceptOnlyUtf8Json(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    const problem = encodingProblem(request.headers['content-type'], bytes);
    if (problem) {
      done(problem, undefined);
      return;
    }
    void parseJson(request, bytes.toString('utf8'), done);
  });
}
