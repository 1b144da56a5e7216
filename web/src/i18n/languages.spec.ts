import { describe, expect, it } from '@jest/globals';
import { en } from './en';
import { pickLanguage } from './languages';
import { vi } from './vi';
import { zh } from './zh';

describe('the page language', () => {
  it('takes ?lang= first, then the remembered choice, then Vietnamese', () => {
    expect(pickLanguage('?lang=zh', 'en')).toBe('zh');
    expect(pickLanguage('', 'en')).toBe('en');
    expect(pickLanguage('?lang=fr', 'en')).toBe('en');
    expect(pickLanguage('?lang=fr', 'xx')).toBe('vi');
    expect(pickLanguage('', null)).toBe('vi');
  });

  it('has every word in every language, none left empty', () => {
    const keys = (words: object, prefix = ''): string[] =>
      Object.entries(words).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
      );
    const leaves = (words: object): string[] =>
      Object.values(words).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value as object)));
    expect(keys(vi)).toEqual(keys(en));
    expect(keys(zh)).toEqual(keys(en));
    for (const words of [vi, en, zh]) expect(leaves(words).filter((w) => w.trim() === '')).toEqual([]);
  });

  it('uses the glossary words for the search field and button', () => {
    expect([vi.search.label, en.search.label, zh.search.label]).toEqual(['Biển số xe', 'Plate number', '车牌号']);
    expect([vi.search.button, en.search.button, zh.search.button]).toEqual(['Tra cứu', 'Search', '查询']);
  });
});
