import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { formatDateTime } from '../format';
import { useActionKey } from './idempotency';
import { type GateCode, type GateSuspension, gateSuspensions, liftSuspension } from './officer-api';
import { useOfficerWords } from './use-officer-words';

function Lift({ token, suspension }: { token: string; suspension: GateSuspension }) {
  const { t, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const noteId = useId();
  const hintId = useId();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useActionKey();
  const lift = useMutation({
    mutationFn: (text: string) =>
      liftSuspension(token, action.keyFor({ id: suspension.id, text }), suspension.id, text),
    onSuccess: () => {
      action.done();
      void queryClient.invalidateQueries({ queryKey: ['officer', 'suspensions'] });
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!note.trim()) return setMissing(true);
    setMissing(false);
    if (!lift.isPending) lift.mutate(note.trim());
  };
  return (
    <form className="officer-form" onSubmit={submit}>
      <label htmlFor={noteId}>{t('suspensions.note')}</label>
      <input
        id={noteId}
        name="note"
        maxLength={500}
        aria-describedby={hintId}
        aria-invalid={missing}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <p id={hintId} className="note">
        {missing ? <strong>{t('suspensions.noteNeeded')}</strong> : t('suspensions.noteHint')}
      </p>
      <button type="submit" className="primary" disabled={lift.isPending}>
        {t('suspensions.lift')}
      </button>
      <div aria-live="polite">{lift.isError && <p className="problem">{problem(lift.error)}</p>}</div>
    </form>
  );
}

/** A supervisor's list of the gate's booking suspensions in force, each with its reason, its end and a lift. */
export function Suspensions({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, language, problem } = useOfficerWords();
  const query = useQuery({
    queryKey: ['officer', 'suspensions', gate],
    queryFn: () => gateSuspensions(token, gate),
    refetchInterval: 30_000,
  });
  return (
    <section aria-labelledby="officer-suspensions" className="card">
      <h2 id="officer-suspensions">{t('suspensions.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      <p className="note">{t('suspensions.lead')}</p>
      {query.isPending && <p role="status">{t('suspensions.loading')}</p>}
      {query.isError && <p className="problem">{problem(query.error)}</p>}
      {query.data && query.data.length === 0 && <p>{t('suspensions.none')}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="officer-list" data-testid="suspensions">
          {query.data.map((s) => (
            <li key={s.id} className="officer-suspension">
              <h3>
                {s.scope === 'company'
                  ? t('suspensions.company', { company: s.companyName ?? s.companyId ?? '' })
                  : t('suspensions.vehicle', { plate: s.plateDisplay ?? s.plate ?? '' })}
              </h3>
              <p>
                {t('suspensions.reason', { reason: s.reason })} ·{' '}
                {t('suspensions.until', { until: formatDateTime(s.until, language) })}
              </p>
              <Lift token={token} suspension={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
