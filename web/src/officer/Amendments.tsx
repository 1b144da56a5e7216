import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDateTime, formatNumber } from '../format';
import { useActionKey } from './idempotency';
import { type AmendmentRequest, amendmentRequests, decideAmendment, type GateCode } from './officer-api';
import { useOfficerWords } from './use-officer-words';

const SECTIONS = ['expectedArrivalAt', 'vehicle', 'driver', 'cargo'] as const;

/** One asked-for value in words: yes/no, numbers and times in the reader's habits. */
function Value({ field, value }: { field: string; value: unknown }) {
  const { t, language } = useOfficerWords();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'boolean') return <>{value ? t('amendments.yes') : t('amendments.no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value, language)}</>;
  if (typeof value === 'string' && field.endsWith('At')) return <>{formatDateTime(value, language)}</>;
  if (typeof value === 'string' && (field === 'nationality' || field === 'documentKind'))
    return <>{t(`details.${field}.${value}`, { defaultValue: value })}</>;
  return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
}

/** The sections the company asks to replace, field by field, named in the reader's language. */
function Changes({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useOfficerWords();
  const sections = Object.keys(changes).sort(
    (a, b) => SECTIONS.indexOf(a as (typeof SECTIONS)[number]) - SECTIONS.indexOf(b as (typeof SECTIONS)[number]),
  );
  return (
    <dl className="officer-changes">
      {sections.map((section) => {
        const value = changes[section];
        const label = t(`field.${section}`, { defaultValue: section });
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          return (
            <div key={section}>
              <dt>{label}</dt>
              <dd>
                <dl className="facts">
                  {Object.entries(value as Record<string, unknown>).map(([field, v]) => (
                    <div key={field}>
                      <dt>{t(`field.${field}`, { defaultValue: field })}</dt>
                      <dd>
                        <Value field={field} value={v} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </dd>
            </div>
          );
        }
        return (
          <div key={section}>
            <dt>{label}</dt>
            <dd>
              <Value field={section} value={value} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function AmendmentItem({
  token,
  request,
  onDecided,
}: {
  token: string;
  request: AmendmentRequest;
  onDecided: () => void;
}) {
  const { t, language, problem } = useOfficerWords();
  const noteId = useId();
  const [note, setNote] = useState('');
  const action = useActionKey();
  const mutation = useMutation({
    mutationFn: (decision: 'approve' | 'decline') =>
      decideAmendment(token, action.keyFor({ id: request.id, decision, note }), request.id, decision, note.trim()),
    onSuccess: () => {
      action.done();
      onDecided();
    },
  });
  return (
    <li className="card officer-amendment">
      <h3>{t('amendments.item', { plate: request.plateDisplay, reference: request.reference })}</h3>
      <p className="note">{t('amendments.asked', { time: formatDateTime(request.requestedAt, language) })}</p>
      <Changes changes={request.changes} />
      <label htmlFor={noteId}>{t('decision.note')}</label>
      <textarea id={noteId} rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
      <div className="officer-decisions">
        <button
          type="button"
          className="primary officer-pass"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate('approve')}
        >
          {t('amendments.approve')}
        </button>
        <button
          type="button"
          className="officer-refuse"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate('decline')}
        >
          {t('amendments.decline')}
        </button>
      </div>
      <div aria-live="polite">
        {mutation.isPending && <p role="status">{t('decision.sending')}</p>}
        {mutation.isError && <p className="problem">{problem(mutation.error)}</p>}
      </div>
    </li>
  );
}

/** Changes companies asked for after their truck arrived: a supervisor approves (applies) or declines each. */
export function Amendments({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, problem } = useOfficerWords();
  const queryClient = useQueryClient();
  const queryKey = ['officer', 'amendments', gate];
  const query = useQuery({ queryKey, queryFn: () => amendmentRequests(token, gate), refetchInterval: 30_000 });
  return (
    <section aria-labelledby="officer-amendments">
      <h2 id="officer-amendments">{t('amendments.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      {query.isPending && <p role="status">{t('amendments.loading')}</p>}
      {query.isError && <p className="problem">{problem(query.error)}</p>}
      {query.data && query.data.length === 0 && <p className="card">{t('amendments.none')}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="officer-list">
          {query.data.map((request) => (
            <AmendmentItem
              key={request.id}
              token={token}
              request={request}
              onDecided={() => void queryClient.invalidateQueries({ queryKey })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
