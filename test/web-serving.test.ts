import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { CONTENT_SECURITY_POLICY, mountWebPages } from '../src/modules/web/web-pages.js';
import { startService, type RunningService } from './support/processes.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

describe('the web pages, as the built service serves them', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService();
  });
  afterAll(async () => {
    await service.stop();
  });

  const assetsOf = (html: string): string[] => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

  it.each(['/', '/company', '/officer', '/company/declarations/7d3c', '/officer/queue'])(
    'answers %s with the page, a strict CSP and no-cache',
    async (url) => {
      const res = await fetch(`${service.url}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).toMatch(/<html lang="vi">/);
      // No inline script or style: every script names a file, and no <style> or style="…" at all.
      const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [tag, body] of scripts) {
        expect(tag).toMatch(/src="\/assets\/[\w.-]+\.js"/);
        expect(body.trim()).toBe('');
      }
      expect(html).not.toMatch(/<style|style="/);
      expect(assetsOf(html).some((a) => a.endsWith('.css'))).toBe(true);
    },
  );

  it('serves the hashed assets with their type, cached for a year as immutable', async () => {
    const html = await (await fetch(`${service.url}/`)).text();
    const types: Record<string, RegExp> = { js: /^(text|application)\/javascript/, css: /^text\/css/ };
    for (const asset of assetsOf(html)) {
      const res = await fetch(`${service.url}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(types[asset.split('.').pop() ?? '']);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await res.text()).length).toBeGreaterThan(0);
    }
  });

  it('leaves the API as it was: unknown API paths answer the JSON error shape, the docs and health still answer', async () => {
    const res = await fetch(`${service.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({
      statusCode: 404,
      code: 'REQUEST.ROUTE_NOT_FOUND',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    // JSON answers get the API's own policy (nothing may load), not the pages' one.
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    // Only the areas' own prefixes are pages: a look-alike path is not.
    expect((await fetch(`${service.url}/companyx`)).status).toBe(404);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect((await fetch(`${service.url}/api/docs-json`)).status).toBe(200);
    const board = await fetch(`${service.url}/api/v1/gates/HUU_NGHI/board`);
    expect(board.status).toBe(200);
  });

  it('answers a missing asset with a 404, not the page', async () => {
    const res = await fetch(`${service.url}/assets/nope-12345678.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
  });

  it('does not serve the build manifest written beside the pages', async () => {
    for (const path of [
      '/.vite/manifest.json',
      '/assets/../.vite/manifest.json',
      '/assets/%2e%2e/.vite/manifest.json',
    ]) {
      const res = await fetch(`${service.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.text()).not.toContain('"isEntry"');
    }
  });
});

describe('a build without the pages', () => {
  it('still starts, and the page routes say the pages were not built', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'no-web-'));
    const app = Fastify();
    try {
      await mountWebPages(app, empty);
      // Over a real socket: Fastify's inject() needs an ESM-only module Jest cannot load here.
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${url}/`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).toContain('The web pages were not built');
      expect((await fetch(`${url}/assets/index.js`)).status).toBe(404);
    } finally {
      await app.close();
      await rm(empty, { recursive: true });
    }
  });
});
