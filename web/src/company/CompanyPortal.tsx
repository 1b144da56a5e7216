import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-errors';
import { addWords } from '../i18n/setup';
import { AdminPage } from './AdminPage';
import { BulkPage } from './BulkPage';
import { Link, Loading, navigate, Problem, usePath } from './common';
import { currentSession, type SignedIn, signIn, signOut, whenSignedOut } from './company-api';
import { DeclarationPage } from './DeclarationPage';
import { DeclarationsPage } from './DeclarationsPage';
import { DeclarePage } from './DeclarePage';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { zh } from './i18n/zh';
import { SlipPage } from './SlipPage';

addWords('company', { en, vi, zh });

const SESSION = ['company', 'session'] as const;

function SignInForm({ message }: { message: string | null }) {
  const { t } = useTranslation('company');
  const queryClient = useQueryClient();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSending(true);
    setProblem(null);
    setError(null);
    try {
      const answer = await signIn(username.trim(), password);
      queryClient.setQueryData(SESSION, answer);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'AUTH.LOGIN_FAILED') setProblem(t('signIn.failed'));
      else if (e instanceof ApiError && e.status === 429) {
        const seconds = (e.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
        setProblem(seconds ? t('signIn.tooMany', { seconds }) : e.text || t('signIn.tooMany', { seconds: 60 }));
      } else if (e instanceof ApiError && e.code === 'AUTH.BUSY') {
        const seconds = (e.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 2;
        setProblem(t('signIn.busy', { seconds }));
      } else setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card sign-in" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('signIn.heading')}</h1>
      <p>{t('signIn.lead')}</p>
      {message && (
        <p className="note" role="status">
          {message}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-u`}>{t('signIn.username')}</label>
          <input
            id={`${id}-u`}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-p`}>{t('signIn.password')}</label>
          <input
            id={`${id}-p`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {error !== null && <Problem error={error} />}
        <p className="actions">
          <button type="submit" className="primary" disabled={sending} aria-busy={sending}>
            {t('signIn.button')}
          </button>
          {sending && <span role="status">{t('loading')}</span>}
        </p>
      </form>
    </section>
  );
}

function Page({ path, session }: { path: string; session: SignedIn }) {
  const declaration = /^\/company\/declarations\/([^/]+)(\/slip)?$/.exec(path);
  if (declaration) {
    const id = decodeURIComponent(declaration[1]);
    return declaration[2] ? <SlipPage id={id} /> : <DeclarationPage key={id} id={id} />;
  }
  switch (path) {
    case '/company/declare':
      return <DeclarePage />;
    case '/company/bulk':
      return <BulkPage />;
    case '/company/admin':
      return <AdminPage isAdmin={session.user.role === 'admin'} selfId={session.user.id} />;
    default:
      return <DeclarationsPage />;
  }
}

/** The company area's entry: loaded lazily by App for paths under /company. */
export default function CompanyPortal() {
  const { t } = useTranslation('company');
  const queryClient = useQueryClient();
  const path = usePath();
  const [message, setMessage] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const session = useQuery({ queryKey: SESSION, queryFn: currentSession, staleTime: Infinity });

  useEffect(() => {
    whenSignedOut(() => {
      setMessage(t('signIn.expired'));
      queryClient.removeQueries({ queryKey: ['company'] });
      queryClient.setQueryData(SESSION, null);
    });
  }, [queryClient, t]);

  if (session.isPending) return <Loading />;
  if (session.isError) return <Problem error={session.error} />;
  if (!session.data) return <SignInForm message={message} />;

  const { user } = session.data;
  const leave = async (): Promise<void> => {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      setLeaving(false);
      queryClient.removeQueries({ queryKey: ['company'] });
      queryClient.setQueryData(SESSION, null);
      setMessage(t('signIn.signedOut'));
      navigate('/company');
    }
  };

  return (
    <div className="company">
      <div className="company-bar no-print">
        <p className="who">
          {t('header.signedInAs', { username: user.username, role: t(`role.${user.role}`), company: user.companyName })}
        </p>
        <button type="button" onClick={() => void leave()} disabled={leaving}>
          {t('header.signOut')}
        </button>
      </div>
      <nav className="company-nav no-print" aria-label={t('header.menu')}>
        <Link to="/company">{t('nav.declarations')}</Link>
        <Link to="/company/declare">{t('nav.declare')}</Link>
        <Link to="/company/bulk">{t('nav.bulk')}</Link>
        {user.role === 'admin' && <Link to="/company/admin">{t('nav.admin')}</Link>}
      </nav>
      <Page path={path} session={session.data} />
    </div>
  );
}
