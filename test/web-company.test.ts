import type { Browser, Page } from 'playwright-core';
import { countDeclarations, getDeclaration, settled, submit } from './support/api.js';
import {
  launchBrowser,
  openWatchedPage,
  type PageWatch,
  screenshot,
  seriousAccessibilityProblems,
} from './support/browser.js';
import { declarationBody, eventually, uniqueContainerNumber, uniqueVnPlate } from './support/factories.js';
import { cli, type RunningService, startService } from './support/processes.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';
import { testQueuePrefix } from './support/test-env.js';

/**
 * The company portal in a real browser against the built service (as web-public.test.ts): a company's
 * administrator and clerk sign in, declare by form and by CSV file, cancel, and administer users and API keys.
 * An in-process app on the same database and queue prefix runs the screening worker and makes test data.
 */
const WORDS = {
  vi: {
    htmlLang: 'vi',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
  },
  en: { htmlLang: 'en', signIn: 'Sign in', signOut: 'Sign out', username: 'Username', password: 'Password' },
  zh: { htmlLang: 'zh-CN', signIn: '登录', signOut: '退出登录', username: '用户名', password: '密码' },
} as const;
type Lang = keyof typeof WORDS;
const LANGS = Object.keys(WORDS) as Lang[];
/** The portal's words in each language for declaring a handover pair (as web/src/company/i18n has them). */
const PAIR_WORDS = {
  vi: {
    tripKind: 'Loại chuyến',
    transshipment: 'Sang tải',
    role: 'Vai trò của xe khi sang tải / đổi đầu kéo',
    link: 'Mã tờ khai của xe giao',
    plate: 'Biển số xe',
    arrival: 'Thời gian dự kiến đến (giờ Việt Nam)',
    container: 'Số container 1',
    containerSize: 'Cỡ container 1',
    driver: 'Họ tên lái xe',
    document: 'Số giấy tờ lái xe (CCCD, căn cước Trung Quốc hoặc hộ chiếu)',
    goods: 'Mô tả hàng hóa',
    weight: 'Tổng trọng lượng (kg)',
    declare: 'Khai báo',
    open: 'Mở tờ khai',
    delivering: 'Xe giao. Gửi mã tờ khai này cho doanh nghiệp của xe nhận:',
    notTakenOver: 'Chưa có xe nhận nào khai mã này.',
    receiving: 'Xe nhận; nhận từ tờ khai {{id}}',
    takenOverBy: 'Xe nhận theo tờ khai {{id}}',
  },
  en: {
    tripKind: 'Kind of trip',
    transshipment: 'Transshipment',
    role: 'This vehicle in the handover',
    link: "Delivering vehicle's declaration id",
    plate: 'Plate number',
    arrival: 'Expected arrival (Vietnam time)',
    container: 'Container 1 number',
    containerSize: 'Container 1 size',
    driver: 'Driver full name',
    document: 'Driver document number (CCCD, Chinese ID or passport)',
    goods: 'Goods description',
    weight: 'Gross weight (kg)',
    declare: 'Declare',
    open: 'Open the declaration',
    delivering: 'Delivering vehicle. Give this declaration’s id to the company of the receiving vehicle:',
    notTakenOver: 'No receiving vehicle has named it yet.',
    receiving: 'Receiving vehicle; takes over from declaration {{id}}',
    takenOverBy: 'Taken over by declaration {{id}}',
  },
  zh: {
    tripKind: '车次类型',
    transshipment: '换装',
    role: '本车在换装/换车头中的角色',
    link: '交货车辆的申报单编号',
    plate: '车牌号',
    arrival: '预计到达时间（越南时间）',
    container: '集装箱 1 箱号',
    containerSize: '集装箱 1 尺寸',
    driver: '司机姓名',
    document: '司机证件号（越南公民身份证、中国居民身份证或护照）',
    goods: '货物描述',
    weight: '毛重（千克）',
    declare: '申报',
    open: '打开申报单',
    delivering: '交货车辆。请把本申报单编号告知接货车辆所属企业：',
    notTakenOver: '尚无接货车辆填报本编号。',
    receiving: '接货车辆；从申报单 {{id}} 接货',
    takenOverBy: '已由申报单 {{id}} 接货',
  },
} as const;
const UNKNOWN_DECLARATION = '00000000-0000-4000-8000-000000000000';

const ADMIN = { username: `admin-${Date.now().toString(36)}`, password: 'correct horse battery 1' };

let t: TestApp;
let service: RunningService;
let company: TestCompany;
let browser: Browser;

function expectClean(watch: PageWatch): void {
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.serverErrors).toEqual([]);
}

/** The arrival as the form's field takes it: Vietnam time, `hours` from now. */
function localArrival(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16);
}

async function signIn(page: Page, lang: Lang, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${service.url}/company?lang=${lang}`);
  await page.getByLabel(WORDS[lang].username).fill(who.username);
  await page.getByLabel(WORDS[lang].password).fill(who.password);
  await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).click();
  await page.getByRole('button', { name: WORDS[lang].signOut, exact: true }).waitFor();
}

/** Moves inside the portal as a reader does, by its menu (no reload: the sign-in stays). */
async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Company portal' }).getByRole('link', { name, exact: true }).click();
}

async function declarationsOf(apiKey: string): Promise<{ id: string; reference: string; status: string }[]> {
  const res = await t.request({
    method: 'GET',
    url: '/api/v1/declarations?limit=200',
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  const queuePrefix = testQueuePrefix();
  [t, service] = await Promise.all([
    startTestApp({ QUEUE_PREFIX: queuePrefix }),
    startService({ QUEUE_PREFIX: queuePrefix }),
  ]);
  company = await t.createCompany('Công ty Vận tải Hữu Nghị');
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
  // The CLI names the database it works on (stderr); it says the new person's name on stdout.
  expect({ status: made.status, stderr: made.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  expect(made.stdout).toContain(ADMIN.username);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await service?.stop();
});

describe('the company portal', () => {
  it('refuses a wrong password in words, signs in, and sends the reader back to sign in when the sign-in is gone', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await page.goto(`${service.url}/company?lang=en`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Wrong username or password.').waitFor();
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText(`Signed in as ${ADMIN.username}`).waitFor();
    await expect(page.textContent('body')).resolves.toContain('Công ty Vận tải Hữu Nghị');

    // The cookie gone (expired, or signed out elsewhere): the next request says so and the sign-in form is back.
    await page.context().clearCookies();
    // The declare page asks the server for the company's booking suspensions: that request finds the sign-in gone.
    await menu(page, 'Declare a trip');
    await page.getByText('You were signed out (your sign-in expired). Sign in again.').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expectClean(watch);
    await close();
  });

  it('declares a trip by form, checking as the reader types, and shows it accepted after screening', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await signIn(page, 'en', ADMIN);
    await menu(page, 'Declare a trip');
    const plate = uniqueVnPlate();

    // A Cyrillic С looks Latin: refused as the API would, in words, before anything is sent.
    await page.getByLabel('Plate number', { exact: true }).fill('12\u0421-123.45');
    await page.getByText('PLATE.LOOKALIKE_CHARACTER').waitFor();
    await page.getByLabel('Plate number', { exact: true }).fill(plate);
    await page.getByLabel('Expected arrival (Vietnam time)').fill(localArrival(3));
    await page.getByLabel('Driver full name').fill('Nguyễn Văn An');
    await page.getByLabel(/^Driver document number/).fill('020090001234');
    await page.getByLabel('Goods description').fill('Server racks');
    await page.getByLabel('HS code').fill('84714990');
    await page.getByLabel('Gross weight (kg)').fill('12000');
    await expect(page.locator('.field-problem').count()).resolves.toBe(0);
    await screenshot(page, 'company-declare-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    const before = await countDeclarations(t);
    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await page.getByText(/^Declared: reference /).waitFor();
    expect(await countDeclarations(t)).toBe(before + 1);
    await page.getByRole('link', { name: 'Open the declaration' }).click();
    const declaration = page.getByTestId('declaration');
    await declaration.getByText('Accepted', { exact: true }).waitFor({ timeout: 20_000 });
    await expect(declaration.textContent()).resolves.toContain('Hữu Nghị international border gate');
    await screenshot(page, 'company-declaration-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    await page.getByRole('link', { name: 'Trip slip' }).click();
    const slip = page.getByTestId('slip');
    const qr = slip.getByRole('img', { name: 'QR code to show at check-in' });
    await qr.waitFor();
    await eventually(async () =>
      (await page.evaluate("document.querySelector('.slip-qr')?.naturalWidth > 0")) === true ? true : undefined,
    );
    await slip.getByRole('button', { name: 'Print', exact: true }).waitFor();
    await screenshot(page, 'company-slip-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
    expectClean(watch);
    await close();
  });

  it.each(LANGS)(
    'declares a transshipment pair by form in %s: the delivering vehicle, then the receiving one naming its id',
    async (lang) => {
      const words = PAIR_WORDS[lang];
      const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
      await signIn(page, lang, ADMIN);

      /** Fills the form for one vehicle of the pair; the handover's fields appear once the kind is chosen. */
      const fillLeg = async (role: 'delivering' | 'receiving'): Promise<void> => {
        await page.goto(`${service.url}/company/declare?lang=${lang}`);
        const linkField = page.getByLabel(words.link, { exact: true });
        await expect(linkField.count()).resolves.toBe(0);
        await page.getByLabel(words.tripKind, { exact: true }).selectOption('transshipment');
        await page.getByLabel(words.role, { exact: true }).selectOption(role);
        await page.getByLabel(words.plate, { exact: true }).fill(uniqueVnPlate());
        await page.getByLabel(words.arrival, { exact: true }).fill(localArrival(4));
        await page.getByLabel(words.container, { exact: true }).fill(uniqueContainerNumber());
        await page.getByLabel(words.containerSize, { exact: true }).selectOption('40');
        await page.getByLabel(words.driver, { exact: true }).fill('Nguyễn Văn An');
        await page.getByLabel(words.document, { exact: true }).fill('020090001234');
        await page.getByLabel(words.goods, { exact: true }).fill('Server racks');
        await page.getByLabel(words.weight, { exact: true }).fill('12000');
      };
      /** Sends the form and opens what it declared: the declaration's id. */
      const declareAndOpen = async (): Promise<string> => {
        await page.getByRole('button', { name: words.declare, exact: true }).click();
        await page.getByRole('link', { name: words.open, exact: true }).click();
        await page.getByTestId('handover').waitFor();
        return new URL(page.url()).pathname.split('/').pop() ?? '';
      };

      await fillLeg('delivering');
      await expect(page.locator('.field-problem').count()).resolves.toBe(0);
      await page.getByRole('button', { name: words.declare, exact: true }).click();
      // Declared: the answer already shows the id to give to the receiving vehicle's company.
      const hint = page.getByTestId('handover-hint');
      await hint.getByText(words.delivering).waitFor();
      const shown = await hint.locator('code').textContent();
      await page.getByRole('link', { name: words.open, exact: true }).click();
      await page.getByTestId('handover').waitFor();
      const delivering = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(shown).toBe(delivering);
      const handover = page.getByTestId('handover');
      // The delivering leg's page says to give its id to the receiving company, and shows it to copy.
      await handover.getByText(words.delivering).waitFor();
      await expect(handover.locator('code').textContent()).resolves.toBe(delivering);
      await handover.getByText(words.notTakenOver).waitFor();
      const view = page.getByTestId('declaration');
      await view.getByText(words.transshipment, { exact: true }).waitFor();
      await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

      await fillLeg('receiving');
      const link = page.getByLabel(words.link, { exact: true });
      // A well-formed id the server knows nothing of: its refusal lands on the field, in the reader's language.
      await link.fill(UNKNOWN_DECLARATION);
      await expect(page.locator('.field-problem').count()).resolves.toBe(0);
      const before = await countDeclarations(t);
      await page.getByRole('button', { name: words.declare, exact: true }).click();
      const linkProblem = page
        .locator('.field', { has: page.locator('[name="handover.linkedDeclarationId"]') })
        .locator('.field-problem');
      await linkProblem.waitFor();
      await expect(linkProblem.textContent()).resolves.toContain(words.link);
      await expect(link.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('.field-problem').count()).resolves.toBe(1);
      expect(await countDeclarations(t)).toBe(before);
      await screenshot(page, `company-declare-receiving-${lang}`);
      await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

      await link.fill(delivering);
      await expect(page.locator('.field-problem').count()).resolves.toBe(0);
      const receiving = await declareAndOpen();
      await handover.getByText(words.receiving.replace('{{id}}', delivering)).waitFor();
      const stored = (await getDeclaration(t, company.apiKey, receiving)).json();
      expect(stored).toMatchObject({
        tripKind: 'transshipment',
        handover: { role: 'receiving', linkedDeclarationId: delivering },
        vehicle: { containers: [{ sizeFeet: 40 }] },
      });

      // The delivering leg now names the vehicle that takes over.
      await page.goto(`${service.url}/company/declarations/${delivering}?lang=${lang}`);
      await handover.getByText(words.takenOverBy.replace('{{id}}', receiving)).waitFor();
      await screenshot(page, `company-declaration-delivering-${lang}`);
      expectClean(watch);
      await close();
    },
    120_000,
  );

  it('declares from a CSV file: the bad row reported, the good rows declared, a second upload declares nothing twice', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await signIn(page, 'en', ADMIN);
    await menu(page, 'Declare from a CSV file');
    const header =
      'vehicle_plate,vehicle_nationality,driver_full_name,driver_document_number,driver_nationality,' +
      'cargo_description,cargo_gross_weight_kg,cargo_perishable,gate,direction,expected_arrival_at';
    const arrival = localArrival(5).replace('T', ' ');
    const row = (plate: string, document = '020090001234') =>
      `${plate},VN,"Trần Văn Bình, Jr.",${document},VN,"Fresh fruit, boxed",18000,true,TAN_THANH,export,${arrival}`;
    const csv = `\uFEFF${[header, row(uniqueVnPlate()), row(uniqueVnPlate(), '123'), row(uniqueVnPlate())].join('\r\n')}\r\n`;
    const file = { name: 'trips.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

    await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await page.getByTestId('bulk-summary').getByText('3 rows: 2 ready, 1 with problems.').waitFor();
    const problems = page.getByTestId('bulk-problems');
    const problemRows = problems.locator('tbody tr');
    await expect(problemRows.count()).resolves.toBe(1);
    // Line 3 of the file (the header is line 1): the driver's document, with the API's words.
    await expect(problemRows.first().textContent()).resolves.toMatch(/^3.*driver_document_number.*CCCD/);
    await screenshot(page, 'company-bulk-checked-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    const before = await countDeclarations(t);
    await page.getByRole('button', { name: 'Send 2 good rows' }).click();
    const outcomes = page.getByTestId('bulk-outcomes');
    await eventually(async () => ((await outcomes.getByText(/^Declared: /).count()) === 2 ? true : undefined));
    await expect(outcomes.textContent()).resolves.not.toContain('Refused');
    expect(await countDeclarations(t)).toBe(before + 2);
    const references = (await outcomes.getByText(/^Declared: /).allTextContents()).map((x) => x.slice(10));
    await screenshot(page, 'company-bulk-sent-en');

    // The same file again: every row's key is its content's hash, so the API answers with the first declarations.
    await page.reload();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Send 2 good rows' }).click();
    await eventually(async () => ((await outcomes.getByText(/^Already declared: /).count()) === 2 ? true : undefined));
    expect(await countDeclarations(t)).toBe(before + 2);
    const again = (await outcomes.getByText(/^Already declared: /).allTextContents()).map((x) => x.slice(18));
    expect(again.sort()).toEqual([...references].sort());
    const listed = (await declarationsOf(company.apiKey)).map((d) => d.reference);
    for (const reference of references) expect(listed.filter((r) => r === reference)).toHaveLength(1);
    expectClean(watch);
    await close();
  });

  it('corrects and then cancels a declaration before arrival, after asking', async () => {
    const res = await submit(t, company.apiKey, declarationBody({ gate: 'TAN_THANH' }));
    expect(res.statusCode).toBe(202);
    const declaration = await settled(t, company.apiKey, res.json().id);
    expect(declaration.status).toBe('accepted');

    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await signIn(page, 'en', ADMIN);
    await page.goto(`${service.url}/company/declarations/${declaration.id}?lang=en`);
    const view = page.getByTestId('declaration');
    await view.getByText('Accepted', { exact: true }).waitFor();

    // First a correction before arrival: the driver's name, checked as typed, saved by the API.
    await page.getByRole('button', { name: 'Correct the declaration' }).click();
    await page.getByLabel('Driver full name').fill(' ');
    await page.getByText('Driver full name is required').waitFor();
    await page.getByLabel('Driver full name').fill('Hoàng Văn Đức');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByText('The correction is saved.').waitFor();
    await view.getByText('Hoàng Văn Đức').waitFor();
    expect((await getDeclaration(t, company.apiKey, declaration.id)).json().driver.fullName).toBe('Hoàng Văn Đức');
    await view.getByText('Accepted', { exact: true }).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Cancel declaration', exact: true }).click();
    await page.getByText(`Cancel declaration ${declaration.reference}? This cannot be undone.`).waitFor();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await view.getByText('Cancelled', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Cancel declaration', exact: true }).count()).resolves.toBe(0);
    const after = await getDeclaration(t, company.apiKey, declaration.id);
    expect(after.json().status).toBe('cancelled');

    // The list, filtered to cancelled declarations, shows it.
    await menu(page, 'Declarations');
    await page.getByLabel('Status').selectOption('cancelled');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const list = page.getByTestId('declarations');
    // Until the filtered page arrives the previous one stays on screen (marked busy).
    const statuses = await eventually(async () => {
      const shown = await list.locator('tbody td.status').allTextContents();
      return shown.length > 0 && shown.every((s) => s === 'Cancelled') ? shown : undefined;
    });
    expect(statuses.length).toBeGreaterThan(0);
    await list.getByRole('link', { name: declaration.reference }).waitFor();
    expectClean(watch);
    await close();
  });

  it('lets an administrator create an API key and a clerk; the clerk sees no administration', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
    await signIn(page, 'en', ADMIN);
    await menu(page, 'Administration');

    await page.getByLabel('Key name').fill('Fleet TMS');
    await page.getByRole('button', { name: 'Create key', exact: true }).click();
    const secret = (await page.getByTestId('secret').textContent()) ?? '';
    expect(secret).toMatch(/^bgk_/);
    await page.getByTestId('api-keys').getByRole('rowheader', { name: 'Fleet TMS' }).waitFor();
    // The key shown once works as any API key.
    const listed = await t.request({
      method: 'GET',
      url: '/api/v1/declarations?limit=1',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(listed.statusCode).toBe(200);

    const clerk = { username: `clerk-${Date.now().toString(36)}`, password: 'clerk password 1234' };
    await page.getByLabel('Username').fill(clerk.username);
    await page.getByLabel('Password').fill(clerk.password);
    await page.getByLabel('Role').selectOption('clerk');
    await page.getByRole('button', { name: 'Create user', exact: true }).click();
    await page.getByText(`User ${clerk.username} created.`).waitFor();
    await page.getByTestId('users').getByRole('rowheader', { name: clerk.username }).waitFor();
    // Disabled and enabled again; nobody is offered to disable themselves.
    await page.getByRole('button', { name: `Disable ${clerk.username}` }).click();
    await page.getByRole('button', { name: `Enable ${clerk.username}` }).click();
    await page.getByRole('button', { name: `Disable ${clerk.username}` }).waitFor();
    await expect(page.getByRole('button', { name: `Disable ${ADMIN.username}` }).count()).resolves.toBe(0);

    // A webhook: registered with its events, the secret shown once, then deleted after asking.
    await page.getByLabel('Address (https URL)').fill('https://tms.example.vn/hooks/border-gate');
    await page.getByRole('button', { name: 'Register webhook', exact: true }).click();
    await expect(page.getByTestId('secret').textContent()).resolves.toMatch(/\S{16,}/);
    const hook = page.locator('article.webhook', { hasText: 'https://tms.example.vn/hooks/border-gate' });
    await hook.getByText('Active ·').waitFor();
    await hook.getByRole('button', { name: 'Deliveries', exact: true }).click();
    await hook.getByText('No deliveries yet.').waitFor();
    const webhooks = async (): Promise<unknown[]> =>
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/webhooks',
          headers: { authorization: `Bearer ${company.apiKey}` },
        })
      ).json().items;
    expect(await webhooks()).toEqual([expect.objectContaining({ url: 'https://tms.example.vn/hooks/border-gate' })]);
    await hook.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await hook.waitFor({ state: 'detached' });
    expect(await webhooks()).toEqual([]);

    await screenshot(page, 'company-admin-en');
    await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You are signed out.').waitFor();
    await signIn(page, 'en', clerk);
    await expect(page.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0);
    await page.goto(`${service.url}/company/admin?lang=en`);
    await page.getByText('Only administrators of the company can see this page.').waitFor();
    expectClean(watch);
    await close();
  });

  it.each(LANGS)(
    'shows every view in %s, accessible',
    async (lang) => {
      const mine = (await declarationsOf(company.apiKey)).find((d) => d.status === 'accepted');
      if (!mine) throw new Error('no accepted declaration to show: the earlier tests make some');
      const { page, watch, close } = await openWatchedPage(browser, service.url, { width: 1280, height: 900 });
      await page.goto(`${service.url}/company?lang=${lang}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(WORDS[lang].htmlLang);
      await page.getByRole('button', { name: WORDS[lang].signIn, exact: true }).waitFor();
      await screenshot(page, `company-sign-in-${lang}`);
      await expect(seriousAccessibilityProblems(page)).resolves.toEqual([]);
      await signIn(page, lang, ADMIN);

      const views: [string, string, string][] = [
        ['declarations', '/company', '[data-testid="declarations"]'],
        ['declare', '/company/declare', 'form.declaration-form'],
        ['bulk', '/company/bulk', 'input[type="file"]'],
        ['declaration', `/company/declarations/${mine.id}`, '[data-testid="declaration"]'],
        ['slip', `/company/declarations/${mine.id}/slip`, '[data-testid="slip"]'],
        ['admin', '/company/admin', '[data-testid="users"]'],
      ];
      for (const [name, path, ready] of views) {
        await page.goto(`${service.url}${path}?lang=${lang}`);
        await page.locator(ready).first().waitFor();
        const text = (await page.textContent('body')) ?? '';
        expect(text).not.toMatch(/[{}]{2}|company:|\b(?:field|list|detail|admin)\.[a-z]/);
        await screenshot(page, `company-${name}-${lang}`);
        expect({ name, problems: await seriousAccessibilityProblems(page) }).toEqual({ name, problems: [] });
      }
      expectClean(watch);
      await close();
    },
    240_000,
  ); // seven views, each checked by axe, on a shared machine

  it('lays the declaration form out for a phone', async () => {
    const { page, watch, close } = await openWatchedPage(browser, service.url);
    await signIn(page, 'vi', ADMIN);
    await page.goto(`${service.url}/company/declare?lang=vi`);
    await page.getByLabel('Biển số xe', { exact: true }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    await screenshot(page, 'company-declare-phone-vi');
    expectClean(watch);
    await close();
  });
});
