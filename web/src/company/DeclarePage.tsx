import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-errors';
import { Link, useLanguage, useProblemText } from './common';
import { declare, type Submitted } from './company-api';
import { DeclarationFields } from './DeclarationFields';
import { SuspensionNotice } from './Metering';
import {
  checkValues,
  emptyValues,
  type FieldPath,
  FIELDS,
  type FormValues,
  type Problems,
  serverProblems,
  toBody,
} from './declaration-form';

/** Problems shown: the page's own checks for the fields touched so far, then what the server said. */
function shown(own: Problems, server: Problems, touched: ReadonlySet<FieldPath>): Problems {
  const result: Problems = {};
  for (const { path } of FIELDS) {
    const problem = (touched.has(path) ? own[path] : undefined) ?? server[path];
    if (problem) result[path] = problem;
  }
  return result;
}

/** Declaring one trip: checked as typed with the API's rules; the server's refusals shown beside the fields. */
export function DeclarePage() {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const problemText = useProblemText();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(emptyValues);
  const [touched, setTouched] = useState<Set<FieldPath>>(new Set());
  const [server, setServer] = useState<{ problems: Problems; other: string[] }>({ problems: {}, other: [] });
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  // One key per submission: kept while the same values are sent again (a retry), new once anything changes.
  const key = useRef<string | null>(null);

  const own = checkValues(values, language);
  const problems = shown(own, server.problems, touched);

  const change = (path: FieldPath, value: string): void => {
    key.current = null;
    // A booked hour belongs to one gate and direction: choosing another gives it up.
    setValues((v) => ({ ...v, [path]: value, ...(path === 'gate' || path === 'direction' ? { slotStart: '' } : {}) }));
    setTouched((s) => new Set(s).add(path));
    setServer((s) => ({ ...s, problems: { ...s.problems, [path]: undefined } }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched(new Set(FIELDS.map((f) => f.path)));
    setFailure(null);
    const first = FIELDS.find((f) => own[f.path]);
    if (first) {
      setFailure(t('declare.fixFirst'));
      form.current?.querySelector<HTMLElement>(`[name="${first.path}"]`)?.focus();
      return;
    }
    key.current ??= crypto.randomUUID();
    setSending(true);
    try {
      const { declaration } = await declare(toBody(values), key.current);
      setDone(declaration);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'REQUEST.VALIDATION_FAILED') {
        const answer = serverProblems(error.details);
        setServer(answer);
        setTouched(new Set());
        setFailure(t('declare.fixFirst'));
        const bad = FIELDS.find((f) => answer.problems[f.path]);
        if (bad) form.current?.querySelector<HTMLElement>(`[name="${bad.path}"]`)?.focus();
      } else {
        setFailure(t('declare.refused', { message: problemText(error) }));
      }
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <section className="card" aria-labelledby="declare-heading">
        <h1 id="declare-heading">{t('declare.heading')}</h1>
        <p role="status" className="success">
          {t('declare.done', { reference: done.reference })}
        </p>
        {toBody(values).handover?.role === 'delivering' && (
          <p data-testid="handover-hint">
            {t('detail.delivering')} <code className="handover-id">{done.id}</code>
          </p>
        )}
        <p className="actions">
          <Link to={`/company/declarations/${done.id}`}>{t('declare.open')}</Link>
          <button
            type="button"
            onClick={() => {
              key.current = null;
              setDone(null);
              setValues(emptyValues());
              setTouched(new Set());
            }}
          >
            {t('declare.another')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="declare-heading">
      <h1 id="declare-heading">{t('declare.heading')}</h1>
      <SuspensionNotice />
      <form ref={form} className="declaration-form" onSubmit={(e) => void submit(e)} noValidate>
        <DeclarationFields values={values} problems={problems} onChange={change} />
        {failure && (
          <div className="problem" role="alert">
            <p>{failure}</p>
            {server.other.length > 0 && (
              <ul>
                {server.other.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p className="actions">
          <button type="submit" className="primary" disabled={sending} aria-busy={sending}>
            {t('declare.button')}
          </button>
          {sending && <span role="status">{t('saving')}</span>}
        </p>
      </form>
    </section>
  );
}
