import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openWatchedPage,
  type PageWatch,
  screenshot,
  seriousAccessibilityProblems,
} from './support/browser.js';
import { officer, type TestOfficer } from './support/officers.js';
import { type RunningService, startService } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testQueuePrefix } from './support/test-env.js';

/**
 * The console's Officers section in a real browser against the built service: a supervisor signs in through the
 * console, creates an officer, disables them (their sign-in then fails), enables them, changes their postings and
 * resets their password; the section passes axe in the three languages and stays on its origin.
 */
const GATE = 'TAN_THANH';
const PASSWORD = 'correct horse battery staple'; // test/support/officers.ts creates every officer with it

const WORDS = {
  vi: {
    htmlLang: 'vi',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    start: 'Bắt đầu làm việc',
    officers: 'Cán bộ',
    heading: 'Cán bộ tại Cửa khẩu Tân Thanh',
    wrongPassword: 'Sai tên đăng nhập hoặc mật khẩu.',
  },
  en: {
    htmlLang: 'en',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    start: 'Start work',
    officers: 'Officers',
    heading: 'Officers at Tân Thanh border gate',
    wrongPassword: 'Wrong username or password.',
  },
  zh: {
    htmlLang: 'zh-CN',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    start: '开始工作',
    officers: '工作人员',
    heading: '新清口岸的工作人员',
    wrongPassword: '用户名或密码错误。',
  },
} as const;
type Lang = keyof typeof WORDS;

let t: TestApp;
let service: RunningService;
let supervisor: TestOfficer;
let browser: Browser;

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
}

/** Opens the console in `lang` and signs in through its own sign-in form; false when the sign-in was refused. */
async function signIn(page: Page, lang: Lang, username: string, password: string): Promise<boolean> {
  await page.goto(`${service.url}/officer?lang=${lang}`);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(WORDS[lang].htmlLang);
  await page.getByLabel(WORDS[lang].username).fill(username);
  await page.getByLabel(WORDS[lang].password).fill(password);
  await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click();
  const start = page.getByRole('button', { name: WORDS[lang].start, exact: true });
  const refused = page.getByText(WORDS[lang].wrongPassword);
  await start.or(refused).first().waitFor();
  return start.isVisible();
}

/** Signs the supervisor in, starts work and opens the Officers section; answers the section. */
async function openSection(page: Page, lang: Lang) {
  expect(await signIn(page, lang, supervisor.username, PASSWORD)).toBe(true);
  await page.getByRole('button', { name: WORDS[lang].start, exact: true }).click();
  await page.getByRole('button', { name: WORDS[lang].officers, exact: true }).click();
  const section = page.getByRole('region', { name: WORDS[lang].heading });
  await section.getByRole('table').waitFor();
  return section;
}

beforeAll(async () => {
  const queuePrefix = testQueuePrefix();
  [t, service] = await Promise.all([
    startTestApp({ QUEUE_PREFIX: queuePrefix }),
    startService({ QUEUE_PREFIX: queuePrefix }),
  ]);
  supervisor = await officer(t, 'supervisor', [GATE]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await service?.stop();
});

describe('the Officers section of the officer console', () => {
  it('creates, disables, enables, re-posts an officer and resets their password', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    const section = await openSection(page, 'en');
    await expect(
      section.getByRole('row', { name: new RegExp(`^${supervisor.username} \\(you\\)`) }).count(),
    ).resolves.toBe(1);

    const username = `web.admin.${Date.now().toString(36)}`;
    const create = section.getByRole('form', { name: 'New officer' });
    await create.getByLabel('Username').fill(username);
    await create.getByLabel('Password').fill('short');
    await create.getByLabel('Agency').selectOption('border_guard');
    await create.getByRole('button', { name: 'Create officer', exact: true }).click();
    await create.getByText('Check these fields: Password (12 to 128 characters).').waitFor();

    await create.getByLabel('Password').fill(PASSWORD);
    await create.getByRole('button', { name: 'Create officer', exact: true }).click();
    const done = section.getByTestId('officer-admin-done');
    await done.getByText(`Officer ${username} was created and can sign in now.`).waitFor();
    const row = section.getByRole('row', { name: new RegExp(`^${username}`) });
    await row.getByText('Active', { exact: true }).waitFor();
    await expect(row.textContent()).resolves.toMatch(/Border guard.*Tân Thanh border gate.*Active/);
    await screenshot(page, 'officer-admin-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    // The same username again is refused in words.
    await create.getByLabel('Username').fill(username.toUpperCase());
    await create.getByLabel('Password').fill(PASSWORD);
    await create.getByRole('button', { name: 'Create officer', exact: true }).click();
    await create.getByText('This username is already taken. Choose another one.').waitFor();

    // Disabled: their sign-in fails.
    await row.getByRole('button', { name: `Disable ${username}`, exact: true }).click();
    await done.getByText(`${username} is disabled`).waitFor();
    await row.getByText('Disabled', { exact: true }).waitFor();
    const other = await openWatchedPage(browser, service.url);
    expect(await signIn(other.page, 'en', username, PASSWORD)).toBe(false);

    await row.getByRole('button', { name: `Enable ${username}`, exact: true }).click();
    await done.getByText(`${username} can sign in again.`).waitFor();
    expect(await signIn(other.page, 'en', username, PASSWORD)).toBe(true);

    await row.getByRole('button', { name: `Change postings ${username}`, exact: true }).click();
    const postings = section.getByRole('form', { name: `Postings of ${username}` });
    await postings.getByLabel('Agency').selectOption('quarantine');
    await postings.getByRole('button', { name: 'Save', exact: true }).click();
    await done.getByText(`The postings of ${username} were changed.`).waitFor();
    await row.getByText('Quarantine', { exact: true }).waitFor();

    await row.getByRole('button', { name: `Reset password ${username}`, exact: true }).click();
    const NEW_PASSWORD = 'a new pass phrase for the gate';
    await section.getByLabel(`New password for ${username}`).fill(NEW_PASSWORD);
    await section.getByRole('button', { name: 'Reset password', exact: true }).click();
    await done.getByText(`The password of ${username} was reset`).waitFor();
    expect(await signIn(other.page, 'en', username, PASSWORD)).toBe(false);
    expect(await signIn(other.page, 'en', username, NEW_PASSWORD)).toBe(true);

    const recorded = await t.sql.rows<{ action: string; actor: string }>(
      `SELECT c.action, c.actor FROM officer_change c JOIN officer o ON o.id = c.officer_id
        WHERE o.username = $1 ORDER BY c.id`,
      [username],
    );
    expect(recorded).toEqual(
      ['created', 'disabled', 'enabled', 'postings_changed', 'password_reset'].map((action) => ({
        action,
        actor: `officer:${supervisor.id}`,
      })),
    );
    expectClean(watch);
    expectClean(other.watch);
    await other.close();
    await close();
    // Five sign-ins, each a deliberately slow scrypt check on the server: more than the default minute on a busy machine.
  }, 180_000);

  it.each(['vi', 'zh'] as const)('speaks %s and passes axe on a phone', async (lang) => {
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    const section = await openSection(page, lang);
    await expect(section.getByRole('row').count()).resolves.toBeGreaterThan(1);
    await screenshot(page, `officer-admin-${lang}`);
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
    expectClean(watch);
    await close();
  });
});
