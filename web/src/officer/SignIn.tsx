import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { login } from './officer-api';
import { useOfficerWords } from './use-officer-words';

/** Username and password for a short-lived access token, renewed while on shift. `ended`: the last sign-in ran out or was revoked. */
export function SignIn({ ended, onSignedIn }: { ended: boolean; onSignedIn: (token: string) => void }) {
  const { t, problem } = useOfficerWords();
  const userId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => login(username.trim(), password),
    onSuccess: (answer) => {
      setPassword('');
      onSignedIn(answer.accessToken);
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!signIn.isPending) signIn.mutate();
  };
  return (
    <section aria-labelledby="officer-sign-in" className="card officer-narrow">
      <h2 id="officer-sign-in">{t('signIn.heading')}</h2>
      {ended && (
        <p role="alert" className="problem">
          {t('signIn.ended')}
        </p>
      )}
      <form className="officer-form" onSubmit={submit}>
        <label htmlFor={userId}>{t('signIn.username')}</label>
        <input
          id={userId}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {t('signIn.button')}
        </button>
      </form>
      <div aria-live="polite">
        {signIn.isPending && <p role="status">{t('signIn.loading')}</p>}
        {signIn.isError && <p className="problem">{problem(signIn.error)}</p>}
      </div>
      <p className="note">{t('signIn.note')}</p>
    </section>
  );
}
