import { submitWithHeaders } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody } from './support/factories.js';
import { officer, type TestOfficer } from './support/officers.js';
import { startWithCompany, type TestApp, type TestCompany, type TestResponse } from './support/test-app.js';

// Error answers say what was wrong and what to do, in the language the client asks for (Accept-Language),
// with the same code in every language, and field names and codes in `details` left as they are.

const LANGUAGES = { en: 'en-GB,en;q=0.9', vi: 'vi-VN,vi;q=0.9,en;q=0.5', zh: 'zh-CN,zh;q=0.9' } as const;
type Language = keyof typeof LANGUAGES;

let t: TestApp;
let company: TestCompany;
let customs: TestOfficer;

beforeAll(async () => {
  ({ t, company } = await startWithCompany());
  customs = await officer(t, 'customs', ['HUU_NGHI']);
});

afterAll(async () => {
  await t.close();
});

/** The body, status and code, plus the language headers every error answer carries. */
function expectErrorIn(res: TestResponse, status: number, code: string, language: Language): Record<string, any> {
  const body = expectError(res, status, code);
  expect(res.headers['content-language']).toBe(language);
  expect(String(res.headers.vary)).toMatch(/Accept-Language/i);
  return body;
}

const get = (url: string, headers: Record<string, string> = {}): Promise<TestResponse> =>
  t.request({ method: 'GET', url, headers });

describe('the confusing cases each have their own code and say what to do', () => {
  it('a form-encoded body: 415 saying to send JSON with Content-Type: application/json', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { authorization: `Bearer ${company.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'gate=HUU_NGHI',
    });
    const body = expectErrorIn(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'en');
    expect(body.message).toBe('Send the body as JSON with the header Content-Type: application/json');
  });

  it('a body without Content-Type: the same 415 and advice', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/declarations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${company.apiKey}` },
      body: new Blob([JSON.stringify(declarationBody())]), // a Blob without a type: fetch sends no Content-Type
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('Content-Type: application/json'),
    });
  });

  it('an officer token on a company endpoint: 403 AUTH.WRONG_PRINCIPAL naming the credential it takes', async () => {
    const res = await get('/api/v1/declarations', customs.headers);
    const body = expectErrorIn(res, 403, 'AUTH.WRONG_PRINCIPAL', 'en');
    expect(body.message).toMatch(/takes a company API key.*not an officer access token/);
    expect(body.message).toContain('/api/v1/gates/');
  });

  it('a company key on an officer endpoint: 403 AUTH.WRONG_PRINCIPAL saying where officer tokens come from', async () => {
    const res = await get('/api/v1/auth/me', { authorization: `Bearer ${company.apiKey}` });
    const body = expectErrorIn(res, 403, 'AUTH.WRONG_PRINCIPAL', 'en');
    expect(body.message).toContain('POST /api/v1/auth/login');
  });

  it('no officer token: 401 AUTH.TOKEN_MISSING (not AUTH.API_KEY_MISSING) saying how to log in', async () => {
    const body = expectErrorIn(await get('/api/v1/auth/me'), 401, 'AUTH.TOKEN_MISSING', 'en');
    expect(body.message).toContain('POST /api/v1/auth/login');
    expect(body.message).toContain('Authorization: Bearer <accessToken>');
  });

  it('no company key: 401 AUTH.API_KEY_MISSING saying which header to send', async () => {
    const body = expectErrorIn(await get('/api/v1/declarations'), 401, 'AUTH.API_KEY_MISSING', 'en');
    expect(body.message).toContain('Authorization: Bearer <apiKey>');
  });

  it('a customs officer reading statistics: 403 saying that the gate supervisor may, never an empty list', async () => {
    const res = await get('/api/v1/stats/daily?gate=HUU_NGHI&from=2026-11-01&to=2026-11-02', customs.headers);
    const body = expectErrorIn(res, 403, 'AUTH.FORBIDDEN', 'en');
    expect(body.message).toBe('Customs officers cannot read gate statistics; this is for: Gate supervisor');
    expect(body.details).toEqual({ agency: 'customs', allowed: ['supervisor'] });
  });
});

describe('the same bad request answers in English, Vietnamese and Chinese', () => {
  /** Sends the same request in each language; the codes and the details' fields must not change. */
  async function inEachLanguage(
    send: (acceptLanguage: string) => Promise<TestResponse>,
    status: number,
    code: string,
  ): Promise<Record<Language, Record<string, any>>> {
    const answers = {} as Record<Language, Record<string, any>>;
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      answers[language] = expectErrorIn(await send(LANGUAGES[language]), status, code, language);
    }
    const fields = (body: Record<string, any>) =>
      Array.isArray(body.details) ? body.details.map((d: { field: string }) => d.field) : body.details;
    expect(fields(answers.vi)).toEqual(fields(answers.en));
    expect(fields(answers.zh)).toEqual(fields(answers.en));
    expect(new Set([answers.en.message, answers.vi.message, answers.zh.message]).size).toBe(3);
    return answers;
  }

  it('a declaration with several wrong fields: each field named as sent, each problem translated', async () => {
    const body = declarationBody();
    const bad = {
      ...body,
      gate: 'MONG_CAI',
      color: 'red',
      cargo: { ...body.cargo, grossWeightKg: '12', hsCode: '0810' },
    };
    const answers = await inEachLanguage(
      (acceptLanguage) => submitWithHeaders(t, company.apiKey, bad, { 'accept-language': acceptLanguage }).response,
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    const problem = (language: Language, field: string): string =>
      answers[language].details.find((d: { field: string }) => d.field === field).message;
    expect(answers.en.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['cargo.grossWeightKg', 'cargo.hsCode', 'color', 'gate'].sort(),
    );
    expect(problem('en', 'gate')).toBe('must be one of HUU_NGHI, TAN_THANH');
    expect(problem('vi', 'gate')).toBe('phải là một trong các giá trị HUU_NGHI, TAN_THANH');
    expect(problem('zh', 'gate')).toBe('必须是以下之一：HUU_NGHI、TAN_THANH');
    expect(problem('en', 'color')).toMatch(/^is not a field of this request; remove it/);
    expect(problem('vi', 'color')).toMatch(/^không phải là trường của yêu cầu này/);
    expect(problem('zh', 'color')).toMatch(/^不是此请求的字段/);
    expect(problem('en', 'cargo.hsCode')).toBe('must be an 8-digit HS code, like 08109050');
    expect(problem('zh', 'cargo.hsCode')).toBe('必须是 8 位 HS 编码，例如 08109050');
    expect(problem('en', 'cargo.grossWeightKg')).toBe('must be a whole number (a JSON number, not a string)');
    expect(problem('vi', 'cargo.grossWeightKg')).toMatch(/^phải là số nguyên/);
    expect(answers.en.message).toMatch(/^[\w.]+: .+ \(and 3 more\)$/);
    expect(answers.vi.message).toMatch(/\(và 3 lỗi khác\)$/);
    expect(answers.zh.message).toMatch(/（另有 3 处错误）$/);
  });

  it('a bad plate: the plate rule keeps its code in every language', async () => {
    const answers = await inEachLanguage(
      (acceptLanguage) => get('/api/v1/vehicles/12C%E2%80%8B12345/status', { 'accept-language': acceptLanguage }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    for (const language of ['en', 'vi', 'zh'] as const) {
      expect(answers[language].details).toEqual([
        { field: 'plate', message: expect.stringContaining('PLATE.INVISIBLE_CHARACTER') },
      ]);
      expect(answers[language].details[0].message).toContain('U+200B');
    }
    expect(answers.vi.message).toBe(
      'plate: Biển số xe chứa ký tự vô hình (U+200B); hãy gõ lại bằng tay (PLATE.INVISIBLE_CHARACTER)',
    );
  });

  it('the statistics refusal names the agencies in the language, and keeps codes in details', async () => {
    const answers = await inEachLanguage(
      (acceptLanguage) =>
        get('/api/v1/stats/daily?gate=HUU_NGHI&from=2026-11-01&to=2026-11-02', {
          ...customs.headers,
          'accept-language': acceptLanguage,
        }),
      403,
      'AUTH.FORBIDDEN',
    );
    expect(answers.vi.message).toBe(
      'Cán bộ Hải quan không được xem thống kê của cửa khẩu; việc này dành cho: Chỉ huy cửa khẩu',
    );
    expect(answers.zh.message).toBe('海关人员不能查看口岸统计；此操作属于：口岸主管');
    for (const language of ['vi', 'zh'] as const) {
      expect(answers[language].details).toEqual({ agency: 'customs', allowed: ['supervisor'] });
    }
  });

  it('an officer token on a company endpoint, a missing officer token, and a form body', async () => {
    const wrong = await inEachLanguage(
      (acceptLanguage) => get('/api/v1/declarations', { ...customs.headers, 'accept-language': acceptLanguage }),
      403,
      'AUTH.WRONG_PRINCIPAL',
    );
    expect(wrong.vi.message).toMatch(/^Endpoint này cần API key của doanh nghiệp vận tải/);
    expect(wrong.zh.message).toMatch(/^此接口需要运输企业的 API 密钥/);
    const missing = await inEachLanguage(
      (acceptLanguage) => get('/api/v1/auth/me', { 'accept-language': acceptLanguage }),
      401,
      'AUTH.TOKEN_MISSING',
    );
    expect(missing.vi.message).toContain('POST /api/v1/auth/login');
    expect(missing.zh.message).toContain('POST /api/v1/auth/login');
    const form = await inEachLanguage(
      (acceptLanguage) =>
        t.request({
          method: 'POST',
          url: '/api/v1/declarations',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': acceptLanguage },
          payload: 'gate=HUU_NGHI',
        }),
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    );
    expect(form.vi.message).toBe('Hãy gửi nội dung dưới dạng JSON với header Content-Type: application/json');
    expect(form.zh.message).toBe('请以 JSON 格式发送请求体，并带上请求头 Content-Type: application/json');
  });

  it('a gate code in a path: named in the language, answered as 400 with the field as sent', async () => {
    const answers = await inEachLanguage(
      (acceptLanguage) =>
        t.request({
          method: 'POST',
          url: '/api/v1/gates/MONG_CAI/exits',
          headers: { ...customs.headers, 'accept-language': acceptLanguage },
          payload: { plate: '12C12345' },
        }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expect(answers.en.details).toEqual([{ field: 'gate', message: 'must be one of HUU_NGHI, TAN_THANH' }]);
  });
});

describe('choosing the language', () => {
  const me = (acceptLanguage?: string) =>
    get('/api/v1/auth/me', acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage });

  it('answers English without Accept-Language, for languages it does not offer, and for *', async () => {
    for (const header of [undefined, 'fr-FR', '*', 'zh-TW']) {
      const res = await me(header);
      expect({ header, language: res.headers['content-language'] }).toEqual({ header, language: 'en' });
      expect(res.json().message).toMatch(/^This endpoint takes an officer access token/);
    }
  });

  it('honours q-values', async () => {
    expect((await me('en;q=0.3, zh-Hans;q=0.8, vi;q=0.5')).headers['content-language']).toBe('zh');
    expect((await me('zh;q=0, vi')).headers['content-language']).toBe('vi');
  });

  it('sends Content-Language only on errors: a successful answer carries no text to translate', async () => {
    const res = await get('/api/v1/auth/me', { ...customs.headers, 'accept-language': 'vi' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBeUndefined();
  });
});

describe('the OpenAPI document', () => {
  it('documents Accept-Language on every operation, Content-Language on errors, and the new codes', async () => {
    const doc = (await get('/api/docs-json')).json();
    const operations = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((path) =>
      Object.values(path),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) {
      expect(operation.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Accept-Language', in: 'header' })]),
      );
    }
    const stats = doc.paths['/api/v1/stats/daily'].get.responses;
    expect(stats['403'].headers['Content-Language'].schema.enum).toEqual(['en', 'vi', 'zh']);
    expect(doc.components.schemas.ErrorResponseDto.properties.code.enum).toEqual(
      expect.arrayContaining(['AUTH.TOKEN_MISSING', 'AUTH.WRONG_PRINCIPAL', 'AUTH.API_KEY_MISSING']),
    );
  });
});
