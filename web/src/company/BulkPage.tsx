import { type ChangeEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api-errors';
import { useLanguage, useProblemText } from './common';
import { declare } from './company-api';
import { parseCsv, toCsv } from './csv';
import { fieldKey } from './DeclarationFields';
import {
  checkValues,
  COLUMN_ALIASES,
  FIELDS,
  type FormValues,
  namesItsField,
  type Problems,
  rowValues,
  TEMPLATE_EXAMPLE,
  toBody,
} from './declaration-form';

interface Row {
  /** The line of the file (the header is line 1). */
  line: number;
  values: FormValues;
  problems: Problems;
}
type Outcome =
  | { kind: 'declared'; reference: string }
  | { kind: 'already'; reference: string }
  | { kind: 'refused'; message: string };

/** The row's Idempotency-Key: `csv-` and the SHA-256 of what it declares, so the same row never declares twice. */
async function rowKey(values: FormValues): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(toBody(values)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `csv-${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Declaring many trips from a CSV file: every row checked in the page, the good ones sent one by one. */
export function BulkPage() {
  const { t } = useTranslation('company');
  const language = useLanguage();
  const problemText = useProblemText();
  const inputId = useId();
  const [reading, setReading] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [unknown, setUnknown] = useState<string[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [outcomes, setOutcomes] = useState<Map<number, Outcome>>(new Map());
  const [progress, setProgress] = useState<number | null>(null);

  const template = useMemo(() => {
    const columns = FIELDS.map((f) => f.column);
    const text = toCsv([columns, columns.map((c) => TEMPLATE_EXAMPLE[c] ?? '')]);
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }, []);
  useEffect(() => () => URL.revokeObjectURL(template), [template]);

  const read = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    setRows(null);
    setOutcomes(new Map());
    setFileProblem(null);
    setUnknown([]);
    if (!file) return;
    setReading(true);
    try {
      const [header, ...data] = parseCsv(await file.text());
      if (!header || data.length === 0) {
        setFileProblem(t('bulk.empty'));
        return;
      }
      const columns = header.map((c) => c.trim().toLowerCase());
      const missing = FIELDS.filter((f) => f.required && !columns.includes(f.column)).map((f) => f.column);
      if (missing.length > 0) {
        setFileProblem(t('bulk.missingColumns', { columns: missing.join(', ') }));
        return;
      }
      setUnknown(columns.filter((c) => c && !FIELDS.some((f) => f.column === c) && !(c in COLUMN_ALIASES)));
      setRows(data.map((cells, index) => ({ line: index + 2, values: rowValues(columns, cells), problems: {} })));
    } finally {
      setReading(false);
    }
  };

  // Checked again when the language changes: the problems are shown in the reader's language.
  const checked = useMemo(
    () => rows?.map((row) => ({ ...row, problems: checkValues(row.values, language) })) ?? null,
    [rows, language],
  );
  const good = checked?.filter((r) => Object.keys(r.problems).length === 0) ?? [];
  const bad = checked?.filter((r) => Object.keys(r.problems).length > 0) ?? [];

  const send = async (): Promise<void> => {
    const results = new Map<number, Outcome>();
    setOutcomes(new Map(results));
    for (const [index, row] of good.entries()) {
      setProgress(index + 1);
      try {
        const { declaration, replayed } = await declare(toBody(row.values), await rowKey(row.values));
        results.set(row.line, { kind: replayed ? 'already' : 'declared', reference: declaration.reference });
      } catch (error) {
        const details =
          error instanceof ApiError && Array.isArray(error.details)
            ? (error.details as { field?: string; message?: string }[])
                .map((d) => `${d.field ?? ''}: ${d.message ?? ''}`)
                .join('; ')
            : '';
        results.set(row.line, { kind: 'refused', message: details || problemText(error) });
      }
      setOutcomes(new Map(results));
    }
    setProgress(null);
  };

  const label = (path: keyof FormValues): string => t(`field.${fieldKey(path)}`);

  return (
    <section className="card" aria-labelledby="bulk-heading">
      <h1 id="bulk-heading">{t('bulk.heading')}</h1>
      <p>{t('bulk.lead')}</p>
      <p>
        <a href={template} download="declarations-template.csv">
          {t('bulk.template')}
        </a>
      </p>
      <div className="field">
        <label htmlFor={inputId}>{t('bulk.file')}</label>
        <input id={inputId} type="file" accept=".csv,text/csv" onChange={(e) => void read(e)} />
      </div>
      {reading && <p role="status">{t('bulk.reading')}</p>}
      {fileProblem && (
        <p className="problem" role="alert">
          {fileProblem}
        </p>
      )}
      {unknown.length > 0 && <p className="note">{t('bulk.unknownColumns', { columns: unknown.join(', ') })}</p>}
      {checked && (
        <>
          <p role="status" data-testid="bulk-summary">
            {t('bulk.summary', { rows: checked.length, good: good.length, bad: bad.length })}
          </p>
          {bad.length > 0 && (
            <div className="table-wrap">
              <table className="steps" data-testid="bulk-problems">
                <caption>{t('bulk.problemsHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('bulk.row')}</th>
                    <th scope="col">{t('bulk.field')}</th>
                    <th scope="col">{t('bulk.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {bad.flatMap((row) =>
                    FIELDS.filter((f) => row.problems[f.path]).map((f) => (
                      <tr key={`${row.line}-${f.path}`}>
                        <td>{row.line}</td>
                        <td>
                          {label(f.path)} <code>{f.column}</code>
                        </td>
                        <td>
                          {namesItsField(row.problems[f.path] ?? '')
                            ? row.problems[f.path]
                            : `${label(f.path)}${language === 'zh' ? '' : ' '}${row.problems[f.path]}`}
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
          {good.length > 0 && (
            <p className="actions">
              <button
                type="button"
                className="primary"
                disabled={progress !== null}
                aria-busy={progress !== null}
                onClick={() => void send()}
              >
                {t('bulk.send', { count: good.length })}
              </button>
              {progress !== null && (
                <span role="status">{t('bulk.sending', { done: progress, count: good.length })}</span>
              )}
            </p>
          )}
          {outcomes.size > 0 && (
            <div className="table-wrap">
              <table className="steps" data-testid="bulk-outcomes">
                <caption>{t('bulk.outcomesHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('bulk.row')}</th>
                    <th scope="col">{t('field.vehicle_plate')}</th>
                    <th scope="col">{t('bulk.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {good
                    .filter((row) => outcomes.has(row.line))
                    .map((row) => {
                      const outcome = outcomes.get(row.line);
                      return (
                        <tr key={row.line} className={`outcome-${outcome?.kind ?? ''}`}>
                          <td>{row.line}</td>
                          <td>{row.values['vehicle.plate']}</td>
                          <td>
                            {outcome?.kind === 'declared' && t('bulk.declared', { reference: outcome.reference })}
                            {outcome?.kind === 'already' && t('bulk.already', { reference: outcome.reference })}
                            {outcome?.kind === 'refused' && t('bulk.refused', { message: outcome.message })}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
