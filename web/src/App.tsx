import { useTranslation } from 'react-i18next';
import { LanguageNav } from './LanguageNav';
import { PublicPage } from './PublicPage';

/** One page per path; the company portal and the officer console are still to come. */
export function App() {
  const { t } = useTranslation();
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  return (
    <>
      <header className="top">
        <div className="top-inner">
          <p className="brand">{t('app.title')}</p>
          <LanguageNav />
        </div>
      </header>
      <main className="page">
        {path === '/' ? (
          <PublicPage />
        ) : (
          <section>
            <h1>{t('app.title')}</h1>
            <p>{t('app.comingSoon')}</p>
            <p>
              <a href="/">{t('app.home')}</a>
            </p>
          </section>
        )}
      </main>
    </>
  );
}
