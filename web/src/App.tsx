import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageNav } from './LanguageNav';
import { PublicPage } from './PublicPage';

// The portal and the console are their own chunks: the public page's phone download does not carry them.
const CompanyPortal = lazy(() => import('./company/CompanyPortal'));
const OfficerConsole = lazy(() => import('./officer/OfficerConsole'));

function area(path: string): 'public' | 'company' | 'officer' | 'unknown' {
  if (path === '/') return 'public';
  if (path === '/company' || path.startsWith('/company/')) return 'company';
  if (path === '/officer' || path.startsWith('/officer/')) return 'officer';
  return 'unknown';
}

/** One area per path prefix: `/` the public page, `/company…` the company portal, `/officer…` the officer console. */
export function App() {
  const { t } = useTranslation();
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  const which = area(path);
  return (
    <>
      <header className="top">
        <div className="top-inner">
          <p className="brand">{t('app.title')}</p>
          <LanguageNav />
        </div>
      </header>
      <main className="page">
        <Suspense fallback={<p role="status">{t('app.loadingPage')}</p>}>
          {which === 'public' && <PublicPage />}
          {which === 'company' && <CompanyPortal />}
          {which === 'officer' && <OfficerConsole />}
          {which === 'unknown' && (
            <section>
              <h1>{t('app.title')}</h1>
              <p>
                <a href="/">{t('app.home')}</a>
              </p>
            </section>
          )}
        </Suspense>
      </main>
    </>
  );
}
