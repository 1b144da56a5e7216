import type { Browser, Page } from 'playwright-core';
import { getDeclaration, settled, submit } from './support/api.js';
import {
  launchBrowser,
  openWatchedPage,
  type PageWatch,
  screenshot,
  seriousAccessibilityProblems,
} from './support/browser.js';
import { declarationBody, eventually, uniqueVnPlate } from './support/factories.js';
import { type AgencyName, gateCrew, postAs, type TestOfficer } from './support/officers.js';
import { emptyQueues } from './support/queues.js';
import { cli, type RunningService, startService } from './support/processes.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';
import { testQueuePrefix } from './support/test-env.js';

/**
 * Arrival metering in the pages, in a real browser against the built service (as web-public.test.ts): a company
 * books an arrival hour in the portal; a yard officer checks the truck in at a regulation yard in the console; the
 * call forward (the worker's schedule, every half second here) calls it to the gate; the public page on a phone
 * shows the call and the time to reach the gate by, in Vietnamese, English and Chinese. Every page passes axe,
 * stays on its origin and logs no error.
 *
 * Tests share one database: the hours this suite books get a calendar exception of their own (removed after), and
 * no truck is left waiting or called at a regulation yard.
 */
const GATE = 'TAN_THANH';
const YARD = 'THUY_HUNG';
const OFFICER_PASSWORD = 'correct horse battery staple'; // test/support/officers.ts creates every officer with it
const ADMIN = { username: `meter-${Date.now().toString(36)}`, password: 'correct horse battery 1' };

const CALL = {
  vi: {
    htmlLang: 'vi',
    plate: 'Biển số xe',
    search: 'Tra cứu',
    status: 'Đang chờ tại bãi điều tiết',
    called: /^Đã được gọi lên cửa khẩu: hãy đến trước \d\d:\d\d$/,
  },
  en: {
    htmlLang: 'en',
    plate: 'Plate number',
    search: 'Search',
    status: 'Waiting at a regulation yard',
    called: /^Called to the gate: reach it by \d\d:\d\d$/,
  },
  zh: {
    htmlLang: 'zh-CN',
    plate: '车牌号',
    search: '查询',
    status: '在调度停车场等候',
    called: /^已叫号前往口岸：请在 \d\d:\d\d 前到达$/,
  },
} as const;
type Lang = keyof typeof CALL;
const LANGS = Object.keys(CALL) as Lang[];

let savedLookAhead: string | undefined;
let t: TestApp;
let service: RunningService;
let company: TestCompany;
let crew: Record<AgencyName, TestOfficer>;
let browser: Browser;
const exceptions: string[] = [];

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
}

/** The start of the current hour. */
function currentHour(): Date {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now;
}

async function statusOf(id: string): Promise<string> {
  return (await getDeclaration(t, company.apiKey, id)).json().status as string;
}

async function companySignIn(page: Page, lang: Lang): Promise<void> {
  await page.goto(`${service.url}/company?lang=${lang}`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}

async function officerSignIn(page: Page, who: TestOfficer): Promise<void> {
  await page.goto(`${service.url}/officer?lang=en`);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(OFFICER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Start work', exact: true }).click();
}

const consoleTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Console views' }).getByRole('button', { name, exact: true });

async function searchPlate(page: Page, lang: Lang, plate: string): Promise<void> {
  await page.getByLabel(CALL[lang].plate).fill(plate);
  await page.getByRole('button', { name: CALL[lang].search, exact: true }).click();
}

beforeAll(async () => {
  const queuePrefix = testQueuePrefix();
  // The call forward runs every half second, so a truck checked in at the regulation yard is called at once.
  const env = { QUEUE_PREFIX: queuePrefix, CALL_FORWARD_INTERVAL_MS: '500' };
  [t, service] = await Promise.all([startTestApp(env), startService(env)]);
  company = await t.createCompany('Công ty Vận tải Thủy Hưng');
  const made = cli([
    'company-user:create',
    '--company',
    company.id,
    '--username',
    ADMIN.username,
    '--password',
    ADMIN.password,
    '--role',
    'admin',
  ]);
  expect(made.status).toBe(0);
  crew = await gateCrew(t, GATE);
  await emptyQueues(t, GATE, crew, 'metering pages test starts');
  // Whatever the hour of the run (the gate takes no bookings at night), these hours have room for this suite.
  for (const direction of ['export', 'import']) {
    const res = await postAs(t, crew.supervisor, `/api/v1/gates/${GATE}/capacity-exceptions`, {
      direction,
      startsAt: currentHour().toISOString(),
      endsAt: new Date(currentHour().getTime() + 3 * 3_600_000).toISOString(),
      capacityPerHour: 40,
      reason: 'metering pages test',
    });
    expect(res.statusCode).toBe(201);
    exceptions.push(res.json().id as string);
  }
  // Vehicles other suites leave in the gate yard count against the call forward's look-ahead; a long one (longer than
  // a supervisor may set, hence SQL) leaves the gate yard's room as what bounds the calls.
  savedLookAhead = (await t.sql.one<{ look_ahead: string }>(
    'SELECT look_ahead::text FROM call_rule WHERE gate_code = $1',
    [GATE],
  ))!.look_ahead;
  await t.sql.rows(`UPDATE call_rule SET look_ahead = interval '1000 hours' WHERE gate_code = $1`, [GATE]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (savedLookAhead) {
    await t.sql.rows('UPDATE call_rule SET look_ahead = $2::interval WHERE gate_code = $1', [GATE, savedLookAhead]);
  }
  if (crew) {
    for (const id of exceptions) {
      await t.request({
        method: 'DELETE',
        url: `/api/v1/gates/${GATE}/capacity-exceptions/${id}`,
        headers: crew.supervisor.headers,
      });
    }
    await emptyQueues(t, GATE, crew, 'metering pages test done');
  }
  await t?.close();
  await service?.stop();
});

describe('arrival metering in the pages', () => {
  it('books a slot in the portal, checks in at a regulation yard in the console, and shows the call on a phone in vi, en and zh', async () => {
    const plate = uniqueVnPlate();

    // The company books the hour in the declaration form.
    const portal = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await companySignIn(portal.page, 'en');
    await portal.page
      .getByRole('navigation', { name: 'Company portal' })
      .getByRole('link', { name: 'Declare a trip' })
      .click();
    await portal.page.getByLabel('Gate', { exact: true }).selectOption(GATE);
    const hour = portal.page.getByLabel('Arrival slot (booked hour at the gate)');
    await hour.locator('option:not([value=""]):not([disabled])').first().waitFor({ state: 'attached' });
    const slotStart = await hour.locator('option:not([value=""]):not([disabled])').first().getAttribute('value');
    expect(slotStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/);
    await hour.selectOption(slotStart);
    // The truck is expected at the start of its hour.
    await expect(portal.page.getByLabel('Expected arrival (Vietnam time)').inputValue()).resolves.toBe(
      new Date(Date.parse(slotStart!) + 7 * 3_600_000).toISOString().slice(0, 16),
    );
    await portal.page.getByLabel('Plate number', { exact: true }).fill(plate);
    await portal.page.getByLabel('Driver full name').fill('Nguyễn Văn An');
    await portal.page.getByLabel(/^Driver document number/).fill('020090001234');
    await portal.page.getByLabel('Goods description').fill('Server racks');
    await portal.page.getByLabel('Gross weight (kg)').fill('12000');
    await expect(portal.page.locator('.field-problem').count()).resolves.toBe(0);
    await screenshot(portal.page, 'metering-portal-declare-en');
    await expect(seriousAccessibilityProblems(portal.page)).resolves.toEqual([]);
    await portal.page.getByRole('button', { name: 'Declare', exact: true }).click();
    // Submission and screening wait on a machine shared with other suites: give them time.
    await portal.page.getByText(/^Declared: reference /).waitFor({ timeout: 60_000 });
    await portal.page.getByRole('link', { name: 'Open the declaration' }).click();
    const declaration = portal.page.getByTestId('declaration');
    await declaration.getByText('Accepted', { exact: true }).waitFor({ timeout: 20_000 });
    const id = new URL(portal.page.url()).pathname.split('/').pop()!;
    const booked = (await getDeclaration(t, company.apiKey, id)).json();
    expect(Date.parse(booked.slot.start)).toBe(Date.parse(slotStart!));
    await expect(
      portal.page.getByTestId('slot-booking').getByRole('button', { name: 'Release the booking' }).count(),
    ).resolves.toBe(1);
    await screenshot(portal.page, 'metering-portal-booked-en');
    await expect(seriousAccessibilityProblems(portal.page)).resolves.toEqual([]);

    // The yard officer checks the truck in at the regulation yard; the call forward calls it to the gate.
    const desk = await openWatchedPage(browser, service.url, { width: 1024, height: 900 });
    await officerSignIn(desk.page, crew.yard);
    await consoleTab(desk.page, 'Regulation yard').click();
    const view = desk.page.getByRole('region', { name: /^Regulation yards of/ });
    await expect(view.getByLabel('Regulation yard').inputValue()).resolves.toBe(YARD);
    await view.getByLabel('Plate number').fill(plate.toLowerCase().replace(/[-.]/g, ' '));
    await view.getByRole('button', { name: 'Check in at the regulation yard', exact: true }).click();
    await desk.page
      .getByTestId('yard-check-in-result')
      .getByText(/waits here: number \d+ in line/)
      .waitFor();
    await eventually(async () => ((await statusOf(id)) === 'waiting_at_yard' ? true : undefined));
    await desk.page.getByTestId('yard-called').getByText(plate, { exact: true }).waitFor({ timeout: 20_000 });
    await screenshot(desk.page, 'metering-console-yard-en');
    await expect(seriousAccessibilityProblems(desk.page)).resolves.toEqual([]);

    // The portal follows it: the call, its deadline and its rule.
    await declaration
      .getByTestId('yard-wait')
      .getByText(/^Called from .*: reach the gate by \d\d:\d\d\.$/)
      .waitFor({ timeout: 15_000 });
    await expect(declaration.getByTestId('yard-wait').textContent()).resolves.toContain('Called by the rule:');
    await screenshot(portal.page, 'metering-portal-called-en');

    // The public page, on a phone, in each language.
    for (const lang of LANGS) {
      const phone = await openWatchedPage(browser, service.url);
      await phone.page.goto(`${service.url}/?lang=${lang}`);
      await expect(phone.page.locator('html').getAttribute('lang')).resolves.toBe(CALL[lang].htmlLang);
      await searchPlate(phone.page, lang, plate);
      const status = phone.page.getByTestId('vehicle-status');
      await status.getByText(CALL[lang].status).first().waitFor();
      await status.getByTestId('yard-call').getByText(CALL[lang].called).waitFor();
      const text = (await status.textContent()) ?? '';
      expect(text).not.toContain('Công ty Vận tải Thủy Hưng');
      expect(text).not.toContain('Nguyễn Văn An');
      await screenshot(phone.page, `metering-public-called-${lang}`);
      await expect(seriousAccessibilityProblems(phone.page)).resolves.toEqual([]);
      expectClean(phone.watch);
      await phone.close();
    }

    // The called truck reaches the gate (the regulation yard's line is empty again for the other suites).
    const atGate = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate });
    expect(atGate.statusCode).toBe(201);
    await expect(statusOf(id)).resolves.toBe('in_yard');
    expectClean(desk.watch);
    expectClean(portal.watch);
    await desk.close();
    await portal.close();
  }, 180_000);

  it('shows the next 12 hours, the regulation yards and the free hours on the public board, on a phone', async () => {
    const phone = await openWatchedPage(browser, service.url);
    await phone.page.goto(`${service.url}/?lang=en`);
    const board = phone.page.getByTestId(`board-${GATE}`);
    const next = board.getByTestId('next-hours');
    await next.locator('canvas').first().waitFor();
    // The legend names the bars and the line, so colour is not the only way to tell them apart.
    await expect(next.locator('.u-legend').textContent()).resolves.toMatch(/Capacity.*Booked.*Expected in the yard/);
    await expect(board.getByTestId('regulation-yards').textContent()).resolves.toMatch(
      /Thủy Hùng.*\d+ waiting, \d+ called/,
    );
    await board.getByText('Free arrival hours in the next days').click();
    const free = board.locator('table.slots');
    await free.waitFor();
    await expect(free.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await board.scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'metering-public-board-en');
    await expect(seriousAccessibilityProblems(phone.page)).resolves.toEqual([]);
    expectClean(phone.watch);
    await phone.close();
  });

  it('tells the company its vehicle may not book, and a supervisor lifts the suspension with a note', async () => {
    const body = declarationBody({ gate: GATE });
    const res = await submit(t, company.apiKey, body);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    // A suspension as the slot watch opens one after a no-show at this gate (its strike names the declaration).
    const plate = d.vehicle.plate as string;
    await t.sql.rows(
      `INSERT INTO booking_strike (declaration_id, company_id, plate, gate_code, kind, slot_start, at)
       VALUES ($1, $2, $3, $4, 'no_show', $5, now())`,
      [d.id, company.id, plate, GATE, currentHour()],
    );
    const [suspension] = await t.sql.rows<{ id: string }>(
      `INSERT INTO booking_suspension (company_id, plate, reason, strikes, starts_at, ends_at, declaration_id)
       VALUES ($1, $2, 'A no-show of this vehicle at Tân Thanh', 1, now(), now() + interval '14 days', $3)
       RETURNING id`,
      [company.id, plate, d.id],
    );

    const portal = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await companySignIn(portal.page, 'en');
    await portal.page.goto(`${service.url}/company/declarations/${d.id}?lang=en`);
    const notice = portal.page.getByTestId('booking-suspensions');
    await notice
      .getByText(`Vehicle ${d.vehicle.plateDisplay} cannot book arrival hours until`, { exact: false })
      .waitFor();
    await expect(notice.textContent()).resolves.toContain('Reason: A no-show of this vehicle at Tân Thanh');
    await screenshot(portal.page, 'metering-portal-suspended-en');
    await expect(seriousAccessibilityProblems(portal.page)).resolves.toEqual([]);

    const desk = await openWatchedPage(browser, service.url, { width: 1024, height: 900 });
    await officerSignIn(desk.page, crew.supervisor);
    await consoleTab(desk.page, 'Booking suspensions').click();
    const item = desk.page.getByTestId('suspensions').locator('li', { hasText: d.vehicle.plateDisplay });
    await item.waitFor();
    // A lift needs a note, which the audit record keeps.
    await item.getByRole('button', { name: 'Lift the suspension', exact: true }).click();
    await item.getByText('Type why the suspension is lifted.').waitFor();
    await screenshot(desk.page, 'metering-console-suspensions-en');
    await expect(seriousAccessibilityProblems(desk.page)).resolves.toEqual([]);
    await item.getByLabel('Why it is lifted').fill('Breakdown on QL1A; workshop receipt seen');
    await item.getByRole('button', { name: 'Lift the suspension', exact: true }).click();
    await item.waitFor({ state: 'detached' });
    const lifted = await t.sql.rows<{ lift_note: string | null }>(
      'SELECT lift_note FROM booking_suspension WHERE id = $1',
      [suspension.id],
    );
    expect(lifted[0]?.lift_note).toBe('Breakdown on QL1A; workshop receipt seen');

    const cancelled = await t.request({
      method: 'POST',
      url: `/api/v1/declarations/${d.id}/cancel`,
      headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': crypto.randomUUID() },
    });
    expect(cancelled.statusCode).toBe(200);
    expectClean(desk.watch);
    expectClean(portal.watch);
    await desk.close();
    await portal.close();
  });
});
