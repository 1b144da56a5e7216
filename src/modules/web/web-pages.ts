import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/**
 * The pages' routes: each answers the same index.html, and the page picks what to show from the path. The
 * portal's and the console's own paths (`/company/declarations/…`) are theirs too, so a reload or a link works.
 */
export const PAGE_ROUTES = ['/', '/company', '/company/*', '/officer', '/officer/*'] as const;

/** Built by `vite build --config web/vite.config.ts` next to the compiled server: dist/web. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Border gate</title>' +
  '<p>The web pages were not built. Run <code>npm run build</code>; the API works without them.</p></html>';

/**
 * Serves the built pages: `/assets/*` (content-hashed names, so cached for a year) and the page routes
 * (index.html, revalidated on every visit so a new build shows at once). Without a build the service still
 * starts and the page routes say so.
 */
export async function mountWebPages(fastify: FastifyInstance, root = DEFAULT_WEB_ROOT): Promise<void> {
  const indexFile = path.join(root, 'index.html');
  const built = existsSync(indexFile);
  const html = built ? await readFile(indexFile) : Buffer.from(NOT_BUILT);
  for (const url of PAGE_ROUTES) {
    fastify.get(url, (_request, reply) =>
      reply
        .status(built ? 200 : 503)
        .headers(HTML_HEADERS)
        .send(html),
    );
  }
  if (!built) return;
  // Loaded only when served: @fastify/static's ESM-only dependencies cannot load in Jest's in-process apps.
  const { default: fastifyStatic } = await import('@fastify/static');
  await fastify.register(fastifyStatic, {
    root: path.join(root, 'assets'),
    prefix: '/assets/',
    decorateReply: false, // Bull Board registers its own instance
    index: false,
    maxAge: 31_536_000_000,
    immutable: true,
    setHeaders: (reply) => void reply.header('x-content-type-options', 'nosniff'),
  });
}
