import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { HTML_LANG, LANGUAGES, type Language, STORAGE_KEY, pickLanguage } from './languages';
import { vi } from './vi';
import { zh } from './zh';

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (private mode): the choice lasts for this page only
  }
}

/** Sets the page's language: words, `<html lang>`, and the remembered choice. */
export async function switchLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // see remembered()
  }
  document.documentElement.lang = HTML_LANG[language];
  await i18next.changeLanguage(language);
}

const initial = pickLanguage(window.location.search, remembered());
document.documentElement.lang = HTML_LANG[initial];
if (new URLSearchParams(window.location.search).has('lang')) {
  try {
    localStorage.setItem(STORAGE_KEY, initial);
  } catch {
    // see remembered()
  }
}

// Resources are bundled, so initialisation is synchronous and the first paint is already translated.
void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en }, zh: { translation: zh } },
  lng: initial,
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
});

export { i18next };

/**
 * Adds an area's words (the company portal, the officer console) under its own namespace when its lazy chunk
 * loads, so the public page does not carry them. Use with `useTranslation(namespace)`.
 */
export function addWords<T extends object>(namespace: string, words: Record<Language, T>): void {
  for (const language of LANGUAGES) i18next.addResourceBundle(language, namespace, words[language], true, true);
}
