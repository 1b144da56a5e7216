import { negotiateLanguage } from './language.js';

describe('negotiateLanguage', () => {
  it.each([
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['VI-vn', 'vi'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-SG', 'zh'],
  ])('maps %s to %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it('answers English without a header, for unknown languages, for * and for traditional Chinese', () => {
    for (const header of [undefined, '', 'fr', 'fr-FR, de;q=0.9', '*', 'zh-TW', 'zh-Hant-HK', 'vietnamese', ';;,,'])
      expect(negotiateLanguage(header)).toBe('en');
  });

  it('honours q-values: the highest acceptable one wins, the first on a tie', () => {
    expect(negotiateLanguage('en;q=0.5, vi;q=0.8')).toBe('vi');
    expect(negotiateLanguage('fr, zh-CN;q=0.9, en;q=0.8')).toBe('zh');
    expect(negotiateLanguage('vi;q=0.7, zh;q=0.7')).toBe('vi');
    expect(negotiateLanguage('vi ; Q=0.2, en;q=0.1')).toBe('vi');
  });

  it('skips ranges refused with q=0 and malformed q-values', () => {
    expect(negotiateLanguage('vi;q=0, zh;q=0.1')).toBe('zh');
    expect(negotiateLanguage('vi;q=abc, zh;q=0.3')).toBe('zh');
    expect(negotiateLanguage('vi;q=2')).toBe('en');
    expect(negotiateLanguage('vi;q=0')).toBe('en');
  });

  it('reads a header sent several times as one list', () => {
    expect(negotiateLanguage(['fr', 'vi-VN;q=0.5'])).toBe('vi');
  });
});
