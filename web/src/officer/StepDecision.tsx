import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { formatDateTime, formatNumber } from '../format';
import { useActionKey } from './idempotency';
import { DeclarationDetails } from './DeclarationDetails';
import { type ClaimedStep, type Decision, decide, type FeeQuote, type GateCode, type QueueEntry } from './officer-api';
import { formatVnd } from './officer-format';
import { useOfficerWords } from './use-officer-words';

/** The step an officer is working on: from a claim, or a row of the queue they claimed earlier (or held). */
export interface StepAtHand {
  stepId: string;
  kind: 'inspection' | 'fee';
  status: string;
  version: number | null;
  declarationId: string;
  gate: GateCode;
  reference: string;
  plateDisplay: string;
  direction: string;
  perishable: boolean;
  claimExpiresAt: string | null;
  feeQuote: FeeQuote | null;
}

export const fromClaim = (step: ClaimedStep): StepAtHand => ({
  stepId: step.id,
  kind: step.kind,
  status: step.status,
  version: step.version,
  declarationId: step.declarationId,
  gate: step.gate,
  reference: step.reference,
  plateDisplay: step.plateDisplay,
  direction: step.direction,
  perishable: step.perishable,
  claimExpiresAt: step.claimExpiresAt,
  feeQuote: step.feeQuote,
});

export const fromQueueEntry = (entry: QueueEntry): StepAtHand => ({
  stepId: entry.stepId,
  kind: entry.kind,
  status: entry.status,
  version: null,
  declarationId: entry.declarationId,
  gate: entry.gate,
  reference: entry.reference,
  plateDisplay: entry.plateDisplay,
  direction: entry.direction,
  perishable: entry.perishable,
  claimExpiresAt: entry.claimExpiresAt,
  feeQuote: entry.feeQuote,
});

function FeeQuoteView({ quote }: { quote: FeeQuote }) {
  const { t, tDefault, language } = useOfficerWords();
  const { basis } = quote;
  return (
    <div className="officer-fee" data-testid="fee-quote">
      <h4>{t('fee.heading')}</h4>
      <p className="officer-amount">{formatVnd(quote.amount, language)}</p>
      <dl className="facts">
        <div>
          <dt>{t('fee.vehicleClass')}</dt>
          <dd>
            {basis.vehicleClass} ({t('fee.weight', { kg: formatNumber(basis.weightBasisKg, language) })})
          </dd>
        </div>
        <div>
          <dt>{t('fee.goodsCategory')}</dt>
          <dd>{t(`fee.category.${basis.goodsCategory}`, { defaultValue: basis.goodsCategory })}</dd>
        </div>
        <div>
          <dt>{t('fee.direction')}</dt>
          <dd>
            {tDefault(`direction.${basis.direction}`)} × {formatNumber(basis.percent, language)}%
          </dd>
        </div>
        <div>
          <dt>{t('fee.base')}</dt>
          <dd>{formatVnd(basis.baseAmount, language)}</dd>
        </div>
        {basis.exemptionCode && (
          <div>
            <dt>{t('fee.exemption')}</dt>
            <dd>{basis.exemptionCode}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** The step at hand: its vehicle, the fee on the yard's step, and Pass / Hold / Refuse with a note. */
export function StepDecision({
  token,
  step,
  onDecided,
  onLater,
}: {
  token: string;
  step: StepAtHand;
  onDecided: () => void;
  onLater: () => void;
}) {
  const { t, tDefault, language, problem } = useOfficerWords();
  const noteId = useId();
  const receiptId = useId();
  const receiptHint = useId();
  const [note, setNote] = useState('');
  const [receipt, setReceipt] = useState('');
  const [needReceipt, setNeedReceipt] = useState(false);
  const action = useActionKey();
  const fee = step.kind === 'fee';
  const mutation = useMutation({
    mutationFn: (decision: Decision) => {
      const body = {
        decision,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(fee && decision === 'pass' ? { paymentReference: receipt.trim() } : {}),
        ...(step.version !== null ? { expectedVersion: step.version } : {}),
      };
      return decide(token, action.keyFor({ step: step.stepId, body }), step.stepId, body);
    },
    onSuccess: () => action.done(),
  });
  const choose = (decision: Decision) => (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    if (fee && decision === 'pass' && !receipt.trim()) return setNeedReceipt(true);
    setNeedReceipt(false);
    mutation.mutate(decision);
  };

  if (mutation.isSuccess) {
    const answer = mutation.data;
    return (
      <section aria-labelledby="officer-decided" className="card officer-result" data-testid="decision-result">
        <h2 id="officer-decided">
          {t('decision.done', {
            plate: answer.plateDisplay,
            state: tDefault(`stepState.${answer.step.status}`),
          })}
        </h2>
        <p>{t('decision.declarationNow', { status: tDefault(`status.${answer.declarationStatus}`) })}</p>
        <button type="button" className="primary" onClick={onDecided}>
          {t('decision.next')}
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="officer-at-hand" className="card officer-at-hand" data-testid="step-at-hand">
      <h2 id="officer-at-hand">{t('claim.heading', { plate: step.plateDisplay })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('claim.reference')}</dt>
          <dd>{step.reference}</dd>
        </div>
        <div>
          <dt>{t('claim.plate')}</dt>
          <dd>{step.plateDisplay}</dd>
        </div>
        <div>
          <dt>{t('claim.direction')}</dt>
          <dd>{tDefault(`direction.${step.direction}`)}</dd>
        </div>
        <div>
          <dt>{t('queue.goods')}</dt>
          <dd>
            {step.perishable ? (
              <span className="officer-perishable">
                <span aria-hidden="true">❄ </span>
                {t('queue.perishable')}
              </span>
            ) : (
              t('queue.ordinary')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('steps.state')}</dt>
          <dd>{tDefault(`stepState.${step.status}`)}</dd>
        </div>
        {step.claimExpiresAt && (
          <div>
            <dt>{t('claim.until')}</dt>
            <dd>{formatDateTime(step.claimExpiresAt, language)}</dd>
          </div>
        )}
      </dl>
      {step.feeQuote && <FeeQuoteView quote={step.feeQuote} />}
      <DeclarationDetails token={token} gate={step.gate} id={step.declarationId} />
      <form className="officer-form" onSubmit={choose('pass')}>
        {fee && (
          <>
            <label htmlFor={receiptId}>{t('fee.receipt')}</label>
            <input
              id={receiptId}
              name="paymentReference"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              aria-describedby={receiptHint}
              aria-invalid={needReceipt}
              value={receipt}
              onChange={(event) => setReceipt(event.target.value)}
            />
            <p id={receiptHint} className="note">
              {needReceipt ? <strong>{t('fee.receiptNeeded')}</strong> : t('fee.receiptHint')}
            </p>
          </>
        )}
        <label htmlFor={noteId}>{t('decision.note')}</label>
        <textarea
          id={noteId}
          name="note"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <p className="note">{t('decision.noteHint')}</p>
        <div className="officer-decisions">
          <button type="submit" className="primary officer-pass" disabled={mutation.isPending}>
            <span aria-hidden="true">✓ </span>
            {t('decision.pass')}
          </button>
          <button type="button" className="officer-hold" disabled={mutation.isPending} onClick={choose('hold')}>
            <span aria-hidden="true">‖ </span>
            {t('decision.hold')}
          </button>
          <button type="button" className="officer-refuse" disabled={mutation.isPending} onClick={choose('refuse')}>
            <span aria-hidden="true">✕ </span>
            {t('decision.refuse')}
          </button>
          <button type="button" onClick={onLater}>
            {t('decision.later')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {mutation.isPending && <p role="status">{t('decision.sending')}</p>}
        {mutation.isError && <p className="problem">{problem(mutation.error)}</p>}
      </div>
    </section>
  );
}
