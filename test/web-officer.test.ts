import type { Browser, Locator, Page } from 'playwright-core';
import { getDeclaration, settled, submit } from './support/api.js';
import {
  launchBrowser,
  openWatchedPage,
  type PageWatch,
  screenshot,
  seriousAccessibilityProblems,
} from './support/browser.js';
import {
  declarationBody,
  machines,
  uniqueContainerNumber,
  uniqueTrailerPlate,
  uniqueVnPlate,
} from './support/factories.js';
import { type AgencyName, gateCrew, postAs, type TestOfficer } from './support/officers.js';
import { emptyQueues } from './support/queues.js';
import { type RunningService, startService } from './support/processes.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';
import { testQueuePrefix } from './support/test-env.js';

/**
 * The officer console in a real browser against the built service, as in web-public.test.ts: officers sign in with
 * their username and password, check trucks in (by plate and by the QR code's token), each agency claims and
 * decides its step until the truck is cleared, the yard lets it out; a supervisor closes and reopens the gate.
 * The words are the glossary's; every view passes axe, stays on its origin and logs no error.
 */
const GATE = 'HUU_NGHI';
const PASSWORD = 'correct horse battery staple'; // test/support/officers.ts creates every officer with it

const WORDS = {
  vi: {
    htmlLang: 'vi',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    start: 'Bắt đầu làm việc',
    views: 'Các mục làm việc',
    checkIn: 'Vào bãi',
    claim: 'Nhận xe tiếp theo',
    wrongPassword: 'Sai tên đăng nhập hoặc mật khẩu.',
    inYard: 'Đang trong bãi',
  },
  en: {
    htmlLang: 'en',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    start: 'Start work',
    views: 'Console views',
    checkIn: 'Check in',
    claim: 'Claim next',
    wrongPassword: 'Wrong username or password.',
    inYard: 'In the yard',
  },
  zh: {
    htmlLang: 'zh-CN',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    start: '开始工作',
    views: '工作台页面',
    checkIn: '入场',
    claim: '认领下一辆',
    wrongPassword: '用户名或密码错误。',
    inYard: '已入场',
  },
} as const;
type Lang = keyof typeof WORDS;

let t: TestApp;
let service: RunningService;
let company: TestCompany;
let crew: Record<AgencyName, TestOfficer>;
let browser: Browser;

/** A declaration at the gate screened to `accepted`: its id, plate as declared and the QR code's token. */
async function acceptedTruck(
  cargo?: Record<string, unknown>,
): Promise<{ id: string; reference: string; plate: string; qrToken: string }> {
  const body = declarationBody({ gate: GATE, ...(cargo ? { cargo } : {}) });
  const res = await submit(t, company.apiKey, body);
  expect(res.statusCode).toBe(202);
  const declaration = await settled(t, company.apiKey, res.json().id);
  expect(declaration.status).toBe('accepted');
  expect(typeof declaration.qrToken).toBe('string');
  return {
    id: declaration.id,
    reference: declaration.reference as string,
    plate: body.vehicle.plate as string,
    qrToken: declaration.qrToken as string,
  };
}

async function statusOf(id: string): Promise<string> {
  return (await getDeclaration(t, company.apiKey, id)).json().status as string;
}

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
}

/** Opens the console in `lang`, signs `who` in and starts work at the gate as `agency` (their own by default). */
async function signIn(page: Page, lang: Lang, who: TestOfficer, agency?: string, axe = false): Promise<void> {
  await page.goto(`${service.url}/officer?lang=${lang}`);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(WORDS[lang].htmlLang);
  await page.getByLabel(WORDS[lang].username).fill(who.username);
  await page.getByLabel(WORDS[lang].password).fill(PASSWORD);
  await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click();
  const start = page.getByRole('button', { name: WORDS[lang].start, exact: true });
  await start.waitFor();
  if (agency) await page.locator('select').nth(1).selectOption(agency);
  if (axe) await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
  await start.click();
}

const tab = (page: Page, name: string, lang: Lang = 'en'): Locator =>
  page.getByRole('navigation', { name: WORDS[lang].views }).getByRole('button', { name, exact: true });

async function checkInByPlate(page: Page, plate: string): Promise<string> {
  const view = page.getByRole('region', { name: /^Check in at/ });
  await view.getByLabel('Plate number').fill(plate);
  await view.getByRole('button', { name: 'Check in', exact: true }).click();
  const result = page.getByTestId('check-in-result');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

/** Claims the head of the signed-in officer's queue and passes it; false when nobody was waiting. */
async function claimAndPass(page: Page, receipt?: string, shot?: string): Promise<boolean> {
  await page.getByRole('button', { name: 'Claim next', exact: true }).click();
  const atHand = page.getByTestId('step-at-hand');
  const nobody = page.getByText('Nobody is waiting.');
  await atHand.or(nobody).first().waitFor();
  if (await nobody.isVisible()) return false;
  // The declaration in full, as the officer checks it against the truck and the driver.
  await atHand.getByTestId('declaration-details').getByText('Nguyễn Văn An').waitFor();
  if (receipt) {
    await expect(atHand.getByTestId('fee-quote').textContent()).resolves.toMatch(/₫[\d,]+/);
    await atHand.getByLabel('Receipt number').fill(receipt);
  }
  if (shot) {
    await screenshot(page, shot);
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
  }
  await atHand.getByRole('button', { name: 'Pass', exact: true }).click();
  await page.getByTestId('decision-result').waitFor();
  await page.getByRole('button', { name: 'Back to the queue', exact: true }).click();
  return true;
}

beforeAll(async () => {
  const queuePrefix = testQueuePrefix();
  [t, service] = await Promise.all([
    startTestApp({ QUEUE_PREFIX: queuePrefix }),
    startService({ QUEUE_PREFIX: queuePrefix }),
  ]);
  company = await t.createCompany('Công ty Vận tải Hữu Nghị');
  crew = await gateCrew(t, GATE);
  // Tests share one database: the queues must hold only this suite's trucks.
  await emptyQueues(t, GATE, crew, 'officer console test starts');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (crew) await emptyQueues(t, GATE, crew, 'officer console test done');
  await t?.close();
  await service?.stop();
});

describe('the officer console', () => {
  it('checks trucks in by plate and by QR code, clears them agency by agency, and lets them out', async () => {
    const fruitTruck = await acceptedTruck();
    const machineTruck = await acceptedTruck(machines);

    const yard = await openWatchedPage(browser, service.url, { width: 768, height: 1024 });
    await signIn(yard.page, 'en', crew.yard);
    await yard.page.getByRole('button', { name: 'Claim next', exact: true }).waitFor();
    await tab(yard.page, 'Check in').click();
    await screenshot(yard.page, 'officer-check-in-en');
    await expect(seriousAccessibilityProblems(yard.page)).resolves.toEqual([]);

    const byPlate = await checkInByPlate(yard.page, fruitTruck.plate.toLowerCase().replace(/[-.]/g, ' '));
    expect(byPlate).toContain('is checked in');
    expect(byPlate).toContain('In the yard');
    expect(byPlate).toContain('Customs');

    const view = yard.page.getByRole('region', { name: /^Check in at/ });
    await view.getByLabel('QR code').fill(machineTruck.qrToken);
    await view.getByRole('button', { name: 'Check in by QR code', exact: true }).click();
    // The answer names the plate as the declaration holds it (canonical): the QR code's truck, not the first one.
    await yard.page.getByTestId('check-in-result').getByText(machineTruck.plate.replace(/[-.]/g, '')).first().waitFor();
    await expect(statusOf(machineTruck.id)).resolves.toBe('in_yard');
    await expect(statusOf(fruitTruck.id)).resolves.toBe('in_yard');
    await screenshot(yard.page, 'officer-checked-in-en');
    await expect(seriousAccessibilityProblems(yard.page)).resolves.toEqual([]);

    // Each agency in its own tab (its own sign-in): stage 1 customs and quarantine, 2 border guard, 3 the fee.
    const passed: Record<string, number> = {};
    for (const agency of ['customs', 'quarantine', 'border_guard'] as const) {
      const desk = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
      await signIn(desk.page, 'en', crew[agency]);
      const queue = desk.page.getByRole('region', { name: /queue,/ });
      await queue.getByRole('table').or(queue.getByText('The queue is empty.')).first().waitFor();
      if (agency === 'customs') {
        // The perishable truck first, marked in words (not only by colour).
        await expect(queue.getByRole('row').nth(1).textContent()).resolves.toContain('Perishable');
        await screenshot(desk.page, 'officer-queue-en');
        await expect(seriousAccessibilityProblems(desk.page)).resolves.toEqual([]);
      }
      passed[agency] = 0;
      while (await claimAndPass(desk.page)) passed[agency] += 1;
      expectClean(desk.watch);
      await desk.close();
    }
    expect(passed).toEqual({ customs: 2, quarantine: 1, border_guard: 2 });

    await tab(yard.page, 'Queue').click();
    passed.yard = 0;
    let receipt = 0;
    for (;;) {
      receipt += 1;
      const shot = receipt === 1 ? 'officer-fee-en' : undefined;
      if (!(await claimAndPass(yard.page, `PT-2026-${String(receipt).padStart(6, '0')}`, shot))) break;
      passed.yard += 1;
    }
    expect(passed.yard).toBe(2);
    await expect(statusOf(fruitTruck.id)).resolves.toBe('cleared');
    await expect(statusOf(machineTruck.id)).resolves.toBe('cleared');

    await tab(yard.page, 'Let out').click();
    for (const truck of [fruitTruck, machineTruck]) {
      const letOut = yard.page.getByRole('region', { name: /^Let out at/ });
      await letOut.getByLabel('Plate number').fill(truck.plate);
      await letOut.getByRole('button', { name: 'Let out', exact: true }).click();
      const result = yard.page.getByTestId('let-out-result');
      await result.getByText(`has left the yard`).waitFor();
      await expect(statusOf(truck.id)).resolves.toBe('exited');
    }
    await expect(yard.page.getByTestId('let-out-result').textContent()).resolves.toContain('Across to China');
    // Each view has its own address: a reload (the sign-in lasts for the tab) comes back to it.
    expect(new URL(yard.page.url()).pathname).toBe('/officer/let-out');
    await screenshot(yard.page, 'officer-let-out-en');
    await expect(seriousAccessibilityProblems(yard.page)).resolves.toEqual([]);
    await yard.page.reload();
    await yard.page.getByRole('region', { name: /^Let out at/ }).waitFor();
    expectClean(yard.watch);
    await yard.close();
  }, 180_000); // two trucks through four agencies, each in its own browser tab: minutes on a loaded machine

  it('lets a supervisor close the gate with a reason and open it again, and see amendments and statistics', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await signIn(page, 'en', crew.supervisor, 'customs');
    await tab(page, 'Gate board').click();
    const control = page.getByRole('region', { name: /^Open or close/ });
    const board = page.getByTestId(`board-${GATE}`);
    await board.locator('.state-open').waitFor();
    await board.locator('canvas').first().waitFor();
    await screenshot(page, 'officer-board-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    const reason = 'Flooding on the freight road at marker 1119';
    await control.getByLabel('Reason for closing').fill(reason);
    await control.getByRole('button', { name: 'Close gate', exact: true }).click();
    await page.getByTestId('gate-changed').getByText('The gate is closed to check-ins.').waitFor();
    await board.locator('.state-closed').getByText(reason).waitFor();
    const publicBoard = await t.request({ method: 'GET', url: `/api/v1/gates/${GATE}/board` });
    expect(publicBoard.json()).toMatchObject({ open: false, closedReason: reason });

    await control.getByRole('button', { name: 'Open gate', exact: true }).click();
    await page.getByTestId('gate-changed').getByText('The gate is open again.').waitFor();
    await board.locator('.state-open').waitFor();
    expect((await t.request({ method: 'GET', url: `/api/v1/gates/${GATE}/board` })).json().open).toBe(true);

    // A truck in the yard whose company asks to change the driver: the supervisor sees the change and approves it.
    // Other tests leave requests with the same new driver at this gate: the item is found by its reference.
    const truck = await acceptedTruck(machines);
    expect((await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: truck.plate })).statusCode).toBe(
      201,
    );
    const asked = await t.request({
      method: 'PATCH',
      url: `/api/v1/declarations/${truck.id}`,
      headers: { authorization: `Bearer ${company.apiKey}`, 'content-type': 'application/json' },
      payload: { driver: { fullName: 'Phạm Văn Đức', documentNumber: '020090005555', nationality: 'VN' } },
    });
    expect(asked.statusCode).toBe(202);

    await tab(page, 'Amendments').click();
    const amendments = page.getByRole('region', { name: /^Amendments waiting/ });
    const item = amendments.getByRole('listitem').filter({ hasText: truck.reference });
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/Driver.*Full name.*Phạm Văn Đức/);
    await screenshot(page, 'officer-amendments-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
    await item.getByRole('button', { name: 'Approve', exact: true }).click();
    await item.waitFor({ state: 'detached' });
    const approved = (await getDeclaration(t, company.apiKey, truck.id)).json();
    expect(approved.driver.fullName).toBe('Phạm Văn Đức');

    await tab(page, 'Statistics').click();
    const stats = page.getByRole('region', { name: /^Daily statistics/ });
    await stats.locator('canvas').or(stats.getByText('No figures for these days yet.')).first().waitFor();
    await screenshot(page, 'officer-stats-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    await tab(page, 'Officers').click();
    await page.getByRole('region', { name: 'Officers' }).waitFor({ state: 'attached' });
    expectClean(watch);
    await close();
  }, 120_000);

  it.each(['vi', 'zh'] as const)(
    'speaks %s: a wrong password, then the queue and a check-in',
    async (lang) => {
      const truck = await acceptedTruck(machines);
      const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 768, height: 1024 });
      await page.goto(`${service.url}/officer?lang=${lang}`);
      await page.getByLabel(WORDS[lang].username).fill(crew.border_guard.username);
      await page.getByLabel(WORDS[lang].password).fill('not the password');
      await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click();
      await page.getByText(WORDS[lang].wrongPassword).waitFor();
      await screenshot(page, `officer-sign-in-${lang}`);
      await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

      await signIn(page, lang, crew.border_guard, undefined, true);
      await page.getByRole('button', { name: WORDS[lang].claim, exact: true }).waitFor();
      await screenshot(page, `officer-queue-${lang}`);
      await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

      await tab(page, WORDS[lang].checkIn, lang).click();
      await page.locator('input[name="plate"]').fill(truck.plate);
      await page.locator('form').first().getByRole('button', { name: WORDS[lang].checkIn, exact: true }).click();
      await page.getByTestId('check-in-result').getByText(WORDS[lang].inYard, { exact: true }).waitFor();
      const text = (await page.getByTestId('check-in-result').textContent()) ?? '';
      expect(text).not.toMatch(/[{}]|in_yard|customs/);
      await screenshot(page, `officer-check-in-${lang}`);
      await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
      expectClean(watch);
      await close();
    },
    120_000,
  );

  it('shows the kind of trip and the handover leg in the queue and in the declaration at hand', async () => {
    // The head of the queue must be this truck: earlier tests leave trucks in the yard.
    await emptyQueues(t, GATE, crew, 'officer console kinds of trip test');
    const trailer = uniqueTrailerPlate();
    const container = uniqueContainerNumber();
    const plate = uniqueVnPlate();
    const res = await submit(t, company.apiKey, {
      ...declarationBody({
        gate: GATE,
        cargo: machines,
        vehicle: { plate, nationality: 'VN', trailerPlate: trailer, containers: [{ number: container, sizeFeet: 40 }] },
      }),
      tripKind: 'tractor_swap',
      handover: { role: 'delivering' },
    });
    expect(res.statusCode).toBe(202);
    expect((await settled(t, company.apiKey, res.json().id)).status).toBe('accepted');
    const checkIn = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate });
    expect(checkIn.statusCode).toBe(201);
    const agency = checkIn.json().steps.find((s: { readyAt: string | null }) => s.readyAt !== null)
      .agency as AgencyName;

    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await signIn(page, 'en', crew[agency]);
    const queue = page.getByRole('region', { name: /queue,/ });
    const row = queue.getByRole('row').filter({ hasText: plate });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(
      new RegExp(
        `Tractor swap.*Delivering vehicle: hands over, then goes back.*Trailer: ${trailer.replace('.', '\\.')}`,
      ),
    );

    await page.getByRole('button', { name: 'Claim next', exact: true }).click();
    const details = page.getByTestId('step-at-hand').getByTestId('declaration-details');
    await details.getByText('Tractor swap', { exact: true }).waitFor();
    await details.getByText('Delivering vehicle: hands over, then goes back').waitFor();
    await details.getByText('The receiving vehicle is not declared yet.').waitFor();
    await details.getByText(`${container} (40 ft)`, { exact: true }).waitFor();
    await details.getByText(trailer, { exact: true }).waitFor();
    await screenshot(page, 'officer-tractor-swap-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
    await page.getByTestId('step-at-hand').getByRole('button', { name: 'Pass', exact: true }).click();
    await page.getByTestId('decision-result').waitFor();
    expectClean(watch);
    await close();
  }, 120_000);

  it('sends an officer whose sign-in ended back to sign in, saying so', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await page.goto(`${service.url}/officer?lang=en`);
    await page.getByLabel('Username').waitFor();
    await page.evaluate("sessionStorage.setItem('border-gate.officer.token', 'expired.or.revoked')");
    await page.reload();
    await page.getByText('Your sign-in has ended. Sign in again to continue.').waitFor();
    await expect(page.getByLabel('Username').isVisible()).resolves.toBe(true);
    expectClean(watch);
    await close();
  });

  it('keeps an officer at work when the access token is refused, renewing it once with the refresh cookie; sign-out ends it', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await signIn(page, 'en', crew.customs);
    await page.getByRole('navigation', { name: WORDS.en.views }).waitFor();
    // The access token runs out (or is refused): the console renews it instead of sending the officer away.
    await page.evaluate("sessionStorage.setItem('border-gate.officer.token', 'expired.or.revoked')");
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    await page.reload();
    expect((await renewed).status()).toBe(200);
    await page.getByRole('navigation', { name: WORDS.en.views }).waitFor();
    await expect(page.getByText('Your sign-in has ended. Sign in again to continue.').count()).resolves.toBe(0);
    await expect(page.evaluate("sessionStorage.getItem('border-gate.officer.token')")).resolves.not.toBe(
      'expired.or.revoked',
    );

    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    expect((await loggedOut).status()).toBe(204);
    await page.getByLabel('Username').waitFor();
    // The browser's refresh cookie no longer signs anyone in.
    await expect(
      page.evaluate("fetch('/api/v1/auth/refresh', { method: 'POST' }).then((r) => r.status)"),
    ).resolves.toBe(401);
    expectClean(watch);
    await close();
  });
});
