import { useTranslation } from 'react-i18next';
import { HTML_LANG, LANGUAGES, LANGUAGE_NAMES, type Language } from './i18n/languages';
import { switchLanguage } from './i18n/setup';

/** The switcher: each language named in itself, the current one pressed. */
export function LanguageNav() {
  const { i18n } = useTranslation();
  const choose = (language: Language): void => {
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', language);
      window.history.replaceState(null, '', url);
    }
    void switchLanguage(language);
  };
  return (
    <nav aria-label="Language" className="languages">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={HTML_LANG[language]}
          aria-pressed={i18n.language === language}
          onClick={() => choose(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </nav>
  );
}
