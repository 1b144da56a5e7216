import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Language, negotiateLanguage } from '../i18n/language.js';

/**
 * The language of an error answer, from the request's Accept-Language, announced on the reply with
 * `Content-Language` and `Vary: Accept-Language`. Called only when answering an error: successful answers
 * carry no text to translate and pay nothing.
 */
export function errorLanguage(request: FastifyRequest, reply: FastifyReply): Language {
  const language = negotiateLanguage(request.headers['accept-language']);
  const vary = reply.getHeader('vary');
  const varies = [vary ?? []]
    .flat()
    .map(String)
    .filter((v) => v !== '');
  if (!varies.some((v) => /(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(v))) varies.push('Accept-Language');
  void reply.header('content-language', language).header('vary', varies.join(', '));
  return language;
}
