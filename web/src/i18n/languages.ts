export const LANGUAGES = ['vi', 'en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const STORAGE_KEY = 'border-gate.lang';

/** The switcher's names: each in its own language, the same on every page. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文' };

/** `<html lang>` and the Accept-Language the API calls send. */
export const HTML_LANG: Record<Language, string> = { vi: 'vi', en: 'en', zh: 'zh-CN' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `?lang=` wins, then the remembered choice, then Vietnamese. */
export function pickLanguage(search: string, remembered: string | null): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  return isLanguage(remembered) ? remembered : DEFAULT_LANGUAGE;
}
