import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { addWords } from '../i18n/setup';
import { ChooseWorkplace, agenciesFor } from './ChooseWorkplace';
import { Desk } from './Desk';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { zh } from './i18n/zh';
import { logout, me as readMe, type Me, whenSignInEnds } from './officer-api';
import { SignIn } from './SignIn';
import { forgetSession, storeToken, storeWorkplace, storedToken, storedWorkplace, type Workplace } from './session';
import { stopRenewal, whenTokenRenewed } from './token-renewal';
import { useOfficerWords } from './use-officer-words';

addWords('officer', { en, vi, zh });

/** A remembered workplace still valid for the officer as they stand now (postings may have changed). */
function stillValid(me: Me, workplace: Workplace | null): Workplace | null {
  if (!workplace) return null;
  return me.gates.includes(workplace.gate) && agenciesFor(me).includes(workplace.agency) ? workplace : null;
}

function SignedIn({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, tDefault, problem } = useOfficerWords();
  const who = useQuery({ queryKey: ['officer', 'me', token], queryFn: () => readMe(token), staleTime: 60_000 });
  const [workplace, setWorkplace] = useState<Workplace | null>(storedWorkplace);
  const [choosing, setChoosing] = useState(false);

  if (who.isPending) return <p role="status">{t('signIn.checking')}</p>;
  if (who.isError) return <p className="problem">{problem(who.error)}</p>;
  const me = who.data;
  const chosen = stillValid(me, workplace);
  const choose = (next: Workplace): void => {
    storeWorkplace(next);
    setWorkplace(next);
    setChoosing(false);
  };
  return (
    <>
      <div className="officer-bar">
        <p>
          {t('bar.signedInAs', { username: me.username, agency: tDefault(`agency.${me.agency}`) })}
          {chosen && (
            <>
              {' · '}
              {t('bar.workplace', {
                gate: tDefault(`gate.${chosen.gate}`),
                agency: tDefault(`agency.${chosen.agency}`),
              })}
            </>
          )}
        </p>
        <div className="officer-bar-actions">
          {chosen && !choosing && (
            <button type="button" onClick={() => setChoosing(true)}>
              {t('bar.change')}
            </button>
          )}
          <button type="button" onClick={onSignOut}>
            {t('bar.signOut')}
          </button>
        </div>
      </div>
      {!chosen || choosing ? (
        <ChooseWorkplace me={me} current={chosen} onChosen={choose} />
      ) : (
        <Desk token={token} me={me} workplace={chosen} />
      )}
    </>
  );
}

/** The officer area's entry: loaded lazily by App for paths under /officer. */
export default function OfficerConsole() {
  const { t } = useOfficerWords();
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(storedToken);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    whenTokenRenewed(setToken);
    whenSignInEnds(() => {
      stopRenewal();
      forgetSession();
      queryClient.removeQueries({ queryKey: ['officer'] });
      setToken(null);
      setEnded(true);
    });
  }, [queryClient]);

  const signOut = (): void => {
    stopRenewal();
    void logout().catch(() => undefined); // signed out here either way; the server's sign-in then just runs out
    forgetSession();
    queryClient.removeQueries({ queryKey: ['officer'] });
    setEnded(false);
    setToken(null);
  };

  return (
    <section aria-labelledby="officer-title" className="officer">
      <h1 id="officer-title">{t('title')}</h1>
      {token ? (
        <SignedIn token={token} onSignOut={signOut} />
      ) : (
        <SignIn
          ended={ended}
          onSignedIn={(next) => {
            storeToken(next);
            setEnded(false);
            setToken(next);
          }}
        />
      )}
    </section>
  );
}
