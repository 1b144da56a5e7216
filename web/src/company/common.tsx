import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-errors';
import { isLanguage, type Language } from '../i18n/languages';

/** The reader's language (Vietnamese until i18next says otherwise). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

const NAVIGATED = 'company:navigated';

/** The path of the page, following links of the portal and the browser's back and forward. */
export function usePath(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = (): void => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return path.replace(/\/+$/, '') || '/';
}

/** Goes to another page of the portal without reloading (the language in `?lang=` stays). */
export function navigate(path: string): void {
  window.history.pushState(null, '', `${path}${window.location.search}`);
  window.dispatchEvent(new Event(NAVIGATED));
  window.scrollTo(0, 0);
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const path = usePath();
  const follow = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={follow} className={className} aria-current={path === to ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** What to tell the reader about a failed request: the server's own words (in the reader's language). */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation('company');
  return (error) => {
    if (!(error instanceof ApiError)) return t('unreachable');
    return error.text || t('error.generic', { code: error.code });
  };
}

/** A failed request's message, announced to screen readers. */
export function Problem({ error }: { error: unknown }) {
  const text = useProblemText();
  return (
    <p className="problem" role="alert">
      {text(error)}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation('company');
  return <p role="status">{t('loading')}</p>;
}
