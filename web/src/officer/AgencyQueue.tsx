import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../format';
import { useActionKey } from './idempotency';
import { agencyQueue, claimNext, type GateCode, type Me, type QueueEntry, type StepAgency } from './officer-api';
import { waitParts } from './officer-format';
import { type StepAtHand, StepDecision, fromClaim, fromQueueEntry } from './StepDecision';
import { useOfficerWords } from './use-officer-words';

/** There is no event stream for officers: the queue is asked for again every few seconds while the tab is seen. */
const REFRESH_MS = 5_000;

function Waited({ seconds }: { seconds: number }) {
  const { t, language } = useOfficerWords();
  const parts = waitParts(seconds, language);
  return <>{parts.hours ? t('queue.hoursMinutes', parts) : t('queue.minutes', parts)}</>;
}

function Perishable() {
  const { t } = useOfficerWords();
  return (
    <span className="officer-perishable">
      <span aria-hidden="true">❄ </span>
      {t('queue.perishable')}
    </span>
  );
}

/** The kind of trip in words and, for a handover, the vehicle's leg; the trailer a swap hands over. */
function Trip({ entry }: { entry: QueueEntry }) {
  const { t } = useOfficerWords();
  if (!entry.tripKind) return <>—</>;
  return (
    <>
      {t(`details.tripKind.${entry.tripKind}`)}
      {entry.handoverRole && (
        <span className="note">
          <br />
          {t(`details.leg.${entry.handoverRole}`)}
        </span>
      )}
      {entry.trailerPlate && (
        <span className="note">
          <br />
          {t('field.trailerPlate')}: {entry.trailerPlate}
        </span>
      )}
    </>
  );
}

function QueueTable({
  items,
  me,
  atHand,
  onResume,
}: {
  items: QueueEntry[];
  me: Me;
  atHand: string | null;
  onResume: (entry: QueueEntry) => void;
}) {
  const { t, tDefault, language } = useOfficerWords();
  if (items.length === 0) return <p>{t('queue.empty')}</p>;
  return (
    <div className="officer-table-wrap">
      <table className="steps officer-queue">
        <caption>{t('queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.position')}</th>
            <th scope="col">{t('claim.plate')}</th>
            <th scope="col">{t('claim.reference')}</th>
            <th scope="col">{t('queue.trip')}</th>
            <th scope="col">{t('queue.goods')}</th>
            <th scope="col">{t('queue.waited')}</th>
            <th scope="col">{t('steps.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('queue.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.stepId} className={entry.perishable ? 'officer-row-perishable' : undefined}>
              <td>{entry.position ?? '—'}</td>
              <th scope="row">{entry.plateDisplay}</th>
              <td>{entry.reference}</td>
              <td>
                <Trip entry={entry} />
              </td>
              <td>{entry.perishable ? <Perishable /> : t('queue.ordinary')}</td>
              <td>
                <Waited seconds={entry.waitingSeconds} />
              </td>
              <td>
                {tDefault(`stepState.${entry.status}`)}
                {entry.claimExpiresAt && entry.status === 'claimed' && (
                  <span className="note">
                    {' '}
                    {t('queue.until', { time: formatDateTime(entry.claimExpiresAt, language) })}
                  </span>
                )}
              </td>
              <td>
                {entry.claimedBy === me.id && entry.status !== 'waiting' && entry.stepId !== atHand && (
                  <button type="button" onClick={() => onResume(entry)}>
                    {t('queue.resume', { plate: entry.plateDisplay })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An agency's queue at the gate, live; "Claim next" takes the head of it, and the step is decided below. */
export function AgencyQueue({
  token,
  me,
  gate,
  agency,
}: {
  token: string;
  me: Me;
  gate: GateCode;
  agency: StepAgency;
}) {
  const { t, tDefault, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const queryKey = ['officer', 'queue', gate, agency];
  const queue = useQuery({
    queryKey,
    queryFn: () => agencyQueue(token, gate, agency),
    // TanStack Query pauses the interval while the browser tab is hidden (refetchIntervalInBackground is off).
    refetchInterval: REFRESH_MS,
  });
  const [atHand, setAtHand] = useState<StepAtHand | null>(null);
  const [nothing, setNothing] = useState(false);
  const action = useActionKey();
  const claim = useMutation({
    mutationFn: () => claimNext(token, action.keyFor({ gate, agency }), gate, agency),
    onSuccess: (step) => {
      action.done();
      setNothing(!step);
      if (step) setAtHand(fromClaim(step));
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const decided = (): void => {
    setAtHand(null);
    void queryClient.invalidateQueries({ queryKey });
  };

  return (
    <>
      <section aria-labelledby="officer-queue" className="card" aria-busy={queue.isFetching}>
        <h2 id="officer-queue">
          {t('queue.heading', { agency: tDefault(`agency.${agency}`), gate: tDefault(`gate.${gate}`) })}
        </h2>
        <div className="officer-row">
          <button
            type="button"
            className="primary"
            disabled={claim.isPending || atHand !== null}
            onClick={() => claim.mutate()}
          >
            {t('queue.claim')}
          </button>
          {queue.data && (
            <p className="officer-count" data-testid="queue-waiting">
              {t('queue.waiting', { n: queue.data.waiting })}
            </p>
          )}
        </div>
        <div aria-live="polite">
          {claim.isPending && <p role="status">{t('queue.claiming')}</p>}
          {claim.isError && <p className="problem">{problem(claim.error)}</p>}
          {nothing && !claim.isPending && <p>{t('queue.nothing')}</p>}
        </div>
        {queue.isPending && <p role="status">{t('queue.loading')}</p>}
        {queue.isError && <p className="problem">{problem(queue.error)}</p>}
        {queue.data && (
          <QueueTable
            items={queue.data.items}
            me={me}
            atHand={atHand?.stepId ?? null}
            onResume={(e) => setAtHand(fromQueueEntry(e))}
          />
        )}
        <p className="note">{t('queue.live')}</p>
      </section>
      {atHand && <StepDecision token={token} step={atHand} onDecided={decided} onLater={() => setAtHand(null)} />}
    </>
  );
}
