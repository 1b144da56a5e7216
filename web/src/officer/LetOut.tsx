import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useActionKey } from './idempotency';
import { type GateCode, letOut } from './officer-api';
import { useOfficerWords } from './use-officer-words';

/** A cleared (or refused) vehicle leaves: across to China or inland, as its direction says. */
export function LetOut({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const plateId = useId();
  const hintId = useId();
  const [plate, setPlate] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useActionKey();
  const mutation = useMutation({
    mutationFn: (typed: string) => letOut(token, action.keyFor({ gate, typed }), gate, typed),
    onSuccess: () => {
      action.done();
      setPlate('');
      void queryClient.invalidateQueries({ queryKey: ['officer'] });
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!plate.trim()) return setMissing(true);
    setMissing(false);
    if (!mutation.isPending) mutation.mutate(plate.trim());
  };
  const answer = mutation.data;
  return (
    <section aria-labelledby="officer-let-out" className="card">
      <h2 id="officer-let-out">{t('letOut.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      <form className="officer-form officer-narrow" onSubmit={submit}>
        <label htmlFor={plateId}>{tDefault('search.label')}</label>
        <input
          id={plateId}
          name="plate"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={missing}
          value={plate}
          onChange={(event) => setPlate(event.target.value)}
        />
        <p id={hintId} className="note">
          {missing ? <strong>{t('checkIn.typePlate')}</strong> : t('letOut.hint')}
        </p>
        <button type="submit" className="primary" disabled={mutation.isPending}>
          {t('letOut.button')}
        </button>
      </form>
      <div aria-live="polite">
        {mutation.isPending && <p role="status">{t('letOut.loading')}</p>}
        {mutation.isError && <p className="problem">{problem(mutation.error)}</p>}
        {answer && (
          <article className="officer-result" data-testid="let-out-result">
            <h3>{t('letOut.done', { reference: answer.reference })}</h3>
            <dl className="facts">
              <div>
                <dt>{t('claim.status')}</dt>
                <dd>{tDefault(`status.${answer.status}`)}</dd>
              </div>
              <div>
                <dt>{t('letOut.destination')}</dt>
                <dd>{t(`letOut.to.${answer.destination}`)}</dd>
              </div>
            </dl>
          </article>
        )}
      </div>
    </section>
  );
}
