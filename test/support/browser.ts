import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing), never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each run's screenshots go (one per page and language); not committed. */
export const SCREENSHOTS = join('test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; bash .ci/run does it), or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** What a page did that a test must see: requests that tried to leave the origin, errors, 5xx answers. */
export interface PageWatch {
  foreignRequests: string[];
  errors: string[];
  serverErrors: string[];
}

/**
 * A fresh browser context (no stored language) with a phone-sized viewport, watched: every request leaving
 * `baseUrl`'s origin is recorded and aborted, console errors and uncaught exceptions are recorded.
 * The console lines Chromium writes for an answered 4xx ("Failed to load resource") are the API saying no, which a
 * page shows in words; they are not errors of the page.
 */
export async function openWatchedPage(
  browser: Browser,
  baseUrl: string,
  options: { width?: number; height?: number } = {},
): Promise<{ page: Page; watch: PageWatch; close: () => Promise<void> }> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 360, height: options.height ?? 780 },
  });
  const watch: PageWatch = { foreignRequests: [], errors: [], serverErrors: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    watch.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 500) watch.serverErrors.push(`${response.status()} ${response.url()}`);
  });
  return { page, watch, close: () => context.close() };
}

/** Saves a full-page screenshot as `test-results/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's serious and critical violations on the page as it is now (rule id and the first target of each). */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ') ?? ''})`);
}
