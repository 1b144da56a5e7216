import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** JSON answers are never documents: nothing may load, frame or submit anything on their behalf. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI and Bull Board ship inline `<style>` blocks; scripts still come only from this origin. */
export const TOOL_UI_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TOOL_UI_PREFIXES = ['/api/docs', '/admin/queues'];

export function contentSecurityPolicyFor(url: string): string {
  const path = url.split('?')[0];
  return TOOL_UI_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    ? TOOL_UI_CONTENT_SECURITY_POLICY
    : API_CONTENT_SECURITY_POLICY;
}

/**
 * Security headers on every answer: HSTS, nosniff, X-Frame-Options DENY, Referrer-Policy and the rest of
 * helmet's set. The pages send their own CSP (web-pages.ts); every other answer gets the one for its kind.
 */
export async function addSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: false, // chosen per answer below
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  fastify.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('content-security-policy')) {
      void reply.header('content-security-policy', contentSecurityPolicyFor(request.url));
    }
  });
}
