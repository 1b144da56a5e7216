import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { useActionKey } from './idempotency';
import { type CheckInAnswer, checkIn, type GateCode } from './officer-api';
import { QrScanner } from './QrScanner';
import { StepsTable } from './StepsTable';
import { useOfficerWords } from './use-officer-words';

type By = { plate: string } | { qrToken: string };

function CheckInResult({ answer }: { answer: CheckInAnswer }) {
  const { t, tDefault } = useOfficerWords();
  return (
    <article className="officer-result" data-testid="check-in-result">
      <h3>{t('checkIn.done', { plate: answer.plate })}</h3>
      <dl className="facts">
        <div>
          <dt>{t('claim.reference')}</dt>
          <dd>{answer.reference}</dd>
        </div>
        <div>
          <dt>{t('claim.plate')}</dt>
          <dd>{answer.plate}</dd>
        </div>
        <div>
          <dt>{t('claim.status')}</dt>
          <dd>{tDefault(`status.${answer.status}`)}</dd>
        </div>
      </dl>
      <StepsTable steps={answer.steps} caption={t('steps.caption')} />
    </article>
  );
}

/** A vehicle arrives: by its plate in any spelling, or by the trip slip's QR code (typed, pasted or scanned). */
export function CheckIn({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const plateId = useId();
  const plateHint = useId();
  const qrId = useId();
  const qrHint = useId();
  const [plate, setPlate] = useState('');
  const [qrToken, setQrToken] = useState('');
  const [missing, setMissing] = useState<'plate' | 'qr' | null>(null);
  const action = useActionKey();
  const mutation = useMutation({
    mutationFn: (by: By) => checkIn(token, action.keyFor({ gate, by }), gate, by),
    onSuccess: () => {
      action.done();
      setPlate('');
      setQrToken('');
      void queryClient.invalidateQueries({ queryKey: ['officer', 'queue'] });
    },
  });
  const send = (by: By): void => {
    if (!mutation.isPending) mutation.mutate(by);
  };
  const byPlate = (event: FormEvent): void => {
    event.preventDefault();
    if (!plate.trim()) return setMissing('plate');
    setMissing(null);
    send({ plate: plate.trim() });
  };
  const byQr = (event: FormEvent): void => {
    event.preventDefault();
    if (!qrToken.trim()) return setMissing('qr');
    setMissing(null);
    send({ qrToken: qrToken.trim() });
  };
  const scanned = useCallback((token: string) => setQrToken(token), []);

  return (
    <section aria-labelledby="officer-check-in" className="card">
      <h2 id="officer-check-in">{t('checkIn.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      <div className="officer-columns">
        <form className="officer-form" onSubmit={byPlate}>
          <label htmlFor={plateId}>{tDefault('search.label')}</label>
          <input
            id={plateId}
            name="plate"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={plateHint}
            aria-invalid={missing === 'plate'}
            value={plate}
            onChange={(event) => setPlate(event.target.value)}
          />
          <p id={plateHint} className="note">
            {missing === 'plate' ? <strong>{t('checkIn.typePlate')}</strong> : tDefault('search.hint')}
          </p>
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {t('checkIn.button')}
          </button>
        </form>
        <form className="officer-form" onSubmit={byQr}>
          <label htmlFor={qrId}>{t('checkIn.qr')}</label>
          <input
            id={qrId}
            name="qrToken"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={qrHint}
            aria-invalid={missing === 'qr'}
            value={qrToken}
            onChange={(event) => setQrToken(event.target.value)}
          />
          <p id={qrHint} className="note">
            {missing === 'qr' ? <strong>{t('checkIn.typeQr')}</strong> : t('checkIn.qrHint')}
          </p>
          <QrScanner onToken={scanned} />
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {t('checkIn.buttonQr')}
          </button>
        </form>
      </div>
      <div aria-live="polite">
        {mutation.isPending && <p role="status">{t('checkIn.loading')}</p>}
        {mutation.isError && <p className="problem">{problem(mutation.error)}</p>}
        {mutation.isSuccess && <CheckInResult answer={mutation.data} />}
      </div>
    </section>
  );
}
