import type { Browser, Page } from 'playwright-core';
import { settled, submit } from './support/api.js';
import {
  launchBrowser,
  openWatchedPage,
  type PageWatch,
  screenshot,
  seriousAccessibilityProblems,
} from './support/browser.js';
import { declarationBody, uniqueVnPlate } from './support/factories.js';
import { type AgencyName, gateCrew, postAs, type TestOfficer } from './support/officers.js';
import { emptyQueues } from './support/queues.js';
import { type RunningService, startService } from './support/processes.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';
import { testQueuePrefix } from './support/test-env.js';

/**
 * The public page in a real browser (Debian's Chromium through playwright-core), against the service on loopback,
 * in the three languages. The words are the glossary's (../shared/GLOSSARY.md): a page that shows other words,
 * raw JSON or codes fails here.
 *
 * The pages are served by the built service (`dist/src/main.js` with `dist/web`), started as production does; an
 * in-process app on the same database and queue prefix (two processes of one deployment) makes the company, the
 * officers and the trucks through the API.
 */
const WORDS = {
  vi: {
    htmlLang: 'vi',
    plate: 'Biển số xe',
    search: 'Tra cứu',
    accepted: 'Đã được chấp nhận',
    inYard: 'Đang trong bãi',
    gate: 'Tân Thanh',
  },
  en: {
    htmlLang: 'en',
    plate: 'Plate number',
    search: 'Search',
    accepted: 'Accepted',
    inYard: 'In the yard',
    gate: 'Tân Thanh',
  },
  zh: { htmlLang: 'zh-CN', plate: '车牌号', search: '查询', accepted: '已受理', inYard: '已入场', gate: '新清口岸' },
} as const;
type Lang = keyof typeof WORDS;
const LANGS = Object.keys(WORDS) as Lang[];
const STATUS_WORDS = LANGS.flatMap((l) => [WORDS[l].accepted, WORDS[l].inYard]);

let t: TestApp;
let service: RunningService;
let company: TestCompany;
let crew: Record<AgencyName, TestOfficer>;
let browser: Browser;

/** A declaration at Tân Thanh screened to `accepted`; its plate as declared. */
async function acceptedTruck(): Promise<{ id: string; plate: string }> {
  const body = declarationBody({ gate: 'TAN_THANH' });
  const plate = body.vehicle.plate as string;
  const res = await submit(t, company.apiKey, body);
  expect(res.statusCode).toBe(202);
  const declaration = await settled(t, company.apiKey, res.json().id);
  expect(declaration.status).toBe('accepted');
  return { id: declaration.id, plate };
}

async function search(page: Page, lang: Lang, plate: string): Promise<void> {
  await page.getByLabel(WORDS[lang].plate).fill(plate);
  await page.getByRole('button', { name: WORDS[lang].search, exact: true }).click();
}

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
}

beforeAll(async () => {
  const queuePrefix = testQueuePrefix();
  [t, service] = await Promise.all([
    startTestApp({ QUEUE_PREFIX: queuePrefix }),
    startService({ QUEUE_PREFIX: queuePrefix }),
  ]);
  company = await t.createCompany('Công ty Vận tải Tân Thanh');
  crew = await gateCrew(t, 'TAN_THANH');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (crew) await emptyQueues(t, 'TAN_THANH', crew, 'public page test done');
  await t?.close();
  await service?.stop();
});

describe('the public page', () => {
  it.each(LANGS)('looks a truck up by its plate in any spelling, in %s', async (lang) => {
    const truck = await acceptedTruck();
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await page.goto(`${service.url}/?lang=${lang}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(WORDS[lang].htmlLang);

    await search(page, lang, truck.plate.toLowerCase().replace(/[-.]/g, ' '));
    const status = page.getByTestId('vehicle-status');
    await status.getByText(WORDS[lang].accepted).first().waitFor();
    await expect(status.textContent()).resolves.toContain(WORDS[lang].gate);

    await screenshot(page, `public-${lang}`);
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
    expectClean(watch);
    await close();
  });

  it('follows the truck by itself while an officer works it, without a reload', async () => {
    const truck = await acceptedTruck();
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await page.goto(`${service.url}/?lang=en`);
    await search(page, 'en', truck.plate);
    const status = page.getByTestId('vehicle-status');
    await status.getByText(WORDS.en.accepted).first().waitFor();
    // Functions evaluated in the page are given as text: this project's types carry no DOM.
    await page.evaluate('window.notReloaded = true');

    const checkIn = await postAs(t, crew.yard, '/api/v1/gates/TAN_THANH/check-ins', { plate: truck.plate });
    expect(checkIn.statusCode).toBe(201);

    await status.getByText(WORDS.en.inYard).first().waitFor({ timeout: 15_000 });
    await expect(page.evaluate('window.notReloaded')).resolves.toBe(true);
    expectClean(watch);
    await close();
  });

  it('says plainly that a plate is unknown, and why an invalid one is refused, never as JSON', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await page.goto(`${service.url}/?lang=en`);
    const status = page.getByTestId('vehicle-status');

    const answered = page.waitForResponse((r) => /\/api\/v1\/vehicles\/[^/]+\/status$/.test(r.url()));
    await search(page, 'en', uniqueVnPlate());
    expect((await answered).status()).toBe(404);
    await status.waitFor();
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    const unknown = (await status.textContent()) ?? '';

    await search(page, 'en', '!!');
    await page.waitForFunction(
      `document.querySelector('[data-testid="vehicle-status"]')?.textContent !== ${JSON.stringify(unknown)}`,
    );
    const invalid = (await status.textContent()) ?? '';

    for (const text of [unknown, invalid]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/[{}]|VEHICLE\.|REQUEST\./);
      for (const word of STATUS_WORDS) expect(text).not.toContain(word);
    }
    expect(invalid).not.toBe(unknown);
    expectClean(watch);
    await close();
  });

  it('switches language with the switcher and remembers the choice', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await page.goto(`${service.url}/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await page.getByLabel(WORDS.vi.plate).waitFor();

    const languages = page.getByRole('navigation', { name: 'Language' });
    await languages.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByLabel(WORDS.en.plate).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    await page.reload();
    await page.getByLabel(WORDS.en.plate).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await languages.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByLabel(WORDS.zh.plate).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    expectClean(watch);
    await close();
  });

  it('shows both gates’ boards, each with its hourly chart', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await page.goto(`${service.url}/?lang=en`);
    for (const gate of ['HUU_NGHI', 'TAN_THANH']) {
      const board = page.getByTestId(`board-${gate}`);
      await board.waitFor();
      await board.locator('canvas').first().waitFor();
      await expect(board.textContent()).resolves.toMatch(/Open|Closed/);
      // The legend names both series, so the colours are not the only way to tell them apart.
      await expect(board.getByTestId('today-chart').locator('.u-legend').textContent()).resolves.toMatch(
        /Check in.*Let out/,
      );
    }
    await screenshot(page, 'public-boards-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
    expectClean(watch);
    await close();
  });

  it('fits the hourly charts on a 360-px phone, without scrolling sideways', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 360, height: 740 });
    await page.goto(`${service.url}/?lang=en`);
    const board = page.getByTestId('board-TAN_THANH');
    await board.locator('canvas').first().waitFor();
    const widths = JSON.parse(
      await page.evaluate<string>(
        `JSON.stringify({ page: document.documentElement.scrollWidth, chart: Math.max(...[...document.querySelectorAll('.bar-chart .uplot')].map((e) => e.getBoundingClientRect().right)) })`,
      ),
    ) as { page: number; chart: number };
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.chart).toBeLessThanOrEqual(360);
    await board.scrollIntoViewIfNeeded();
    await screenshot(page, 'public-boards-phone-en');
    expectClean(watch);
    await close();
  });
});
