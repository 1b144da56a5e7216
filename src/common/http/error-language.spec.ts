import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorLanguage } from './error-language.js';

/** A reply that keeps its headers, and a request with an Accept-Language header. */
function exchange(acceptLanguage: string | undefined, vary?: string) {
  const headers: Record<string, string> = vary ? { vary } : {};
  const reply = {
    getHeader: (name: string) => headers[name],
    header(name: string, value: string) {
      headers[name] = value;
      return this;
    },
  } as unknown as FastifyReply;
  const request = { headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } };
  return { request: request as FastifyRequest, reply, headers };
}

describe('errorLanguage', () => {
  it('negotiates the language and announces it with Content-Language and Vary', () => {
    const { request, reply, headers } = exchange('vi-VN,vi;q=0.9');
    expect(errorLanguage(request, reply)).toBe('vi');
    expect(headers).toEqual({ 'content-language': 'vi', vary: 'Accept-Language' });
  });

  it('answers English without the header, still saying that the answer varies with it', () => {
    const { request, reply, headers } = exchange(undefined);
    expect(errorLanguage(request, reply)).toBe('en');
    expect(headers).toEqual({ 'content-language': 'en', vary: 'Accept-Language' });
  });

  it('keeps a Vary already set, and does not repeat Accept-Language', () => {
    const origin = exchange('zh', 'Origin');
    errorLanguage(origin.request, origin.reply);
    expect(origin.headers.vary).toBe('Origin, Accept-Language');
    const already = exchange('zh', 'origin, accept-language');
    errorLanguage(already.request, already.reply);
    expect(already.headers.vary).toBe('origin, accept-language');
  });
});
