import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/languages';
import { officerErrorText } from './officer-errors';

/** The console's words, the page's language, and failed requests in words. */
export function useOfficerWords() {
  const { t, i18n } = useTranslation('officer');
  const { t: tDefault } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const problem = (error: unknown): string =>
    officerErrorText(
      error,
      (key, options) => t(key, options ?? {}),
      (key, options) => tDefault(key, options ?? {}),
    );
  return { t, tDefault, language, problem };
}
