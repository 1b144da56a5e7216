import { LANGUAGES } from './language.js';
import { msg, renderMessage } from './message.js';
import { en } from './messages.en.js';
import { vi } from './messages.vi.js';
import { zh } from './messages.zh.js';
import { TERM_KINDS, TERMS } from './terms.js';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it.each([
    ['vi', vi],
    ['zh', zh],
  ])('%s translates every English message, with the same placeholders and no English left over', (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const translated = (catalog as Record<string, string>)[key];
      expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(english) });
      expect({ key, empty: translated.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('names every code of every term kind in every language', () => {
    for (const kind of TERM_KINDS) {
      const codes = Object.keys(TERMS.en[kind]).sort();
      for (const language of LANGUAGES) expect(Object.keys(TERMS[language][kind]).sort()).toEqual(codes);
    }
  });
});

describe('renderMessage', () => {
  it('fills placeholders, numbers in each language’s habit', () => {
    expect(renderMessage('vi', msg('field.urlTooLong', { max: 2048 }))).toBe('chỉ được dài tối đa 2048 ký tự');
    const limit = msg('rateLimit.exceeded', { limit: 18000, seconds: 12 });
    expect(renderMessage('en', limit)).toBe('Too many requests: at most 18,000 a minute; try again in 12 s');
    expect(renderMessage('vi', limit)).toBe(
      'Quá nhiều yêu cầu: tối đa 18.000 yêu cầu mỗi phút; hãy thử lại sau 12 giây',
    );
    expect(renderMessage('zh', limit)).toBe('请求过多：每分钟最多 18,000 次；请在 12 秒后重试');
  });

  it('names codes in the language through {name:kind}, and keeps codes no table knows', () => {
    const closed = msg('gate.closed', { gate: 'HUU_NGHI' });
    expect(renderMessage('vi', closed)).toBe(
      'Cửa khẩu quốc tế Hữu Nghị đang tạm đóng: không cho xe vào bãi cho đến khi mở lại',
    );
    expect(renderMessage('zh', closed)).toBe('友谊口岸暂停通关：重新开放前不办理入场');
    expect(renderMessage('en', closed)).toBe('Hữu Nghị (HUU_NGHI) is closed: no check-ins until it reopens');
    expect(renderMessage('en', msg('gate.closed', { gate: 'MONG_CAI' }))).toBe(
      'MONG_CAI is closed: no check-ins until it reopens',
    );
  });

  it('renders nested messages and lists in the same language', () => {
    const refusal = msg('auth.agencyCannot', {
      agency: 'customs',
      action: msg('action.readStats'),
      allowed: ['supervisor'],
    });
    expect(renderMessage('en', refusal)).toBe(
      'Customs officers cannot read gate statistics; this is for: Gate supervisor',
    );
    expect(renderMessage('vi', refusal)).toBe(
      'Cán bộ Hải quan không được xem thống kê của cửa khẩu; việc này dành cho: Chỉ huy cửa khẩu',
    );
    expect(renderMessage('zh', refusal)).toBe('海关人员不能查看口岸统计；此操作属于：口岸主管');
    const oneOf = msg('field.oneOf', { allowed: ['HUU_NGHI', 'TAN_THANH'] });
    expect(renderMessage('zh', oneOf)).toBe('必须是以下之一：HUU_NGHI、TAN_THANH');
    const several = msg('field.problems', { problems: [msg('field.notString'), msg('field.maxLength', { max: 64 })] });
    expect(renderMessage('en', several)).toBe('must be a string; must be at most 64 characters long');
    expect(renderMessage('zh', several)).toBe('必须是字符串；长度不能超过 64 个字符');
  });

  it('leaves a placeholder whose value is missing visible rather than failing', () => {
    expect(renderMessage('en', { key: 'gate.closed' })).toBe('{gate:gate} is closed: no check-ins until it reopens');
  });
});
