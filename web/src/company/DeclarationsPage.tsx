import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { Link, Loading, Problem, useLanguage } from './common';
import { type DeclarationFilters, listDeclarations } from './company-api';

const STATUSES = [
  'submitted',
  'accepted',
  'waiting_at_yard',
  'rejected',
  'in_yard',
  'cleared',
  'refused',
  'exited',
  'cancelled',
  'expired',
] as const;
const GATES = ['HUU_NGHI', 'TAN_THANH'] as const;

/** Midnight at the gates (UTC+7) starting `day` (YYYY-MM-DD), `plusDays` later, as the API's timestamp. */
export function gateMidnight(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + plusDays));
  return `${date.toISOString().slice(0, 10)}T00:00:00+07:00`;
}

interface Typed {
  status: string;
  gate: string;
  from: string;
  to: string;
  plate: string;
}
const NONE: Typed = { status: '', gate: '', from: '', to: '', plate: '' };

function filtersOf(typed: Typed): DeclarationFilters {
  return {
    status: typed.status || undefined,
    gate: typed.gate || undefined,
    plate: typed.plate.trim() || undefined,
    from: typed.from ? gateMidnight(typed.from) : undefined,
    // "Until" a day includes that day: the API's `to` is the first instant not included.
    to: typed.to ? gateMidnight(typed.to, 1) : undefined,
  };
}

/** The fleet's declarations, newest first, filtered, a page at a time (the API's cursor). */
export function DeclarationsPage() {
  const { t } = useTranslation('company');
  const { t: tMain } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [typed, setTyped] = useState<Typed>(NONE);
  const [filters, setFilters] = useState<DeclarationFilters>({});
  // The cursors of the pages seen so far: the last one is the page shown (null: the first).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: ['company', 'declarations', filters, cursor],
    queryFn: () => listDeclarations(filters, cursor),
    placeholderData: keepPreviousData,
  });

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setFilters(filtersOf(typed));
    setCursors([null]);
  };
  const set = (name: keyof Typed) => (event: { target: { value: string } }) =>
    setTyped((v) => ({ ...v, [name]: event.target.value }));

  return (
    <section className="card" aria-labelledby="list-heading">
      <h1 id="list-heading">{t('list.heading')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('list.filters')}>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('list.status')}</label>
          <select id={`${id}-status`} value={typed.status} onChange={set('status')}>
            <option value="">{t('list.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tMain(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-gate`}>{t('list.gate')}</label>
          <select id={`${id}-gate`} value={typed.gate} onChange={set('gate')}>
            <option value="">{t('list.any')}</option>
            {GATES.map((g) => (
              <option key={g} value={g}>
                {tMain(`gate.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('list.from')}</label>
          <input id={`${id}-from`} type="date" value={typed.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('list.to')}</label>
          <input id={`${id}-to`} type="date" value={typed.to} onChange={set('to')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-plate`}>{t('list.plate')}</label>
          <input id={`${id}-plate`} value={typed.plate} onChange={set('plate')} autoComplete="off" />
        </div>
        <p className="actions">
          <button type="submit" className="primary">
            {t('list.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setTyped(NONE);
              setFilters({});
              setCursors([null]);
            }}
          >
            {t('list.reset')}
          </button>
        </p>
      </form>
      {query.isPending && <Loading />}
      {query.isError && <Problem error={query.error} />}
      {query.data && query.data.items.length === 0 && <p>{t('list.none')}</p>}
      {query.data && query.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="steps" data-testid="declarations" aria-busy={query.isFetching}>
            <caption>{t('list.page', { page: cursors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.reference')}</th>
                <th scope="col">{t('list.plate')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.gate')}</th>
                <th scope="col">{t('list.expectedArrival')}</th>
                <th scope="col">{t('list.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`/company/declarations/${d.id}`}>{d.reference}</Link>
                  </th>
                  <td>{d.vehicle.plateDisplay}</td>
                  <td className={`status status-${d.status}`}>{tMain(`status.${d.status}`)}</td>
                  <td>{tMain(`gate.${d.gate}`)}</td>
                  <td>{formatDateTime(d.expectedArrivalAt, language)}</td>
                  <td>{formatDateTime(d.createdAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="actions">
        {cursors.length > 1 && (
          <button type="button" onClick={() => setCursors([null])}>
            {t('list.first')}
          </button>
        )}
        {query.data?.nextCursor && (
          <button type="button" onClick={() => setCursors((c) => [...c, query.data?.nextCursor ?? null])}>
            {t('list.more')}
          </button>
        )}
      </p>
    </section>
  );
}
