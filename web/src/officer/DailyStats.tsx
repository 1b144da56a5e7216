import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { BarChart } from '../BarChart';
import { TIME_ZONE, formatNumber } from '../format';
import { type DailyStatsItem, dailyStats, type GateCode, STEP_AGENCIES } from './officer-api';
import { useOfficerWords } from './use-officer-words';

const COUNTS = ['declared', 'accepted', 'rejected', 'arrived', 'cleared', 'refused', 'exited'] as const;
type Count = (typeof COUNTS)[number];

/** A day in the gates' time zone, `days` before today, as YYYY-MM-DD. */
function localDay(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date)
    .slice(0, 10);
}

/** Both directions of each day added up. */
function perDay(items: DailyStatsItem[]): { day: string; counts: Record<Count, number> }[] {
  const days = new Map<string, Record<Count, number>>();
  for (const item of items) {
    const counts = days.get(item.day) ?? (Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<Count, number>);
    for (const c of COUNTS) counts[c] += item[c];
    days.set(item.day, counts);
  }
  return [...days.entries()].map(([day, counts]) => ({ day, counts }));
}

/** Daily statistics of the gate for a range of days: a table, a chart of arrivals, clearances and exits, step times. */
export default function DailyStats({ token, gate }: { token: string; gate: GateCode }) {
  const { t, tDefault, language, problem } = useOfficerWords();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(() => localDay(6));
  const [to, setTo] = useState(() => localDay(0));
  const [range, setRange] = useState({ from, to });
  const query = useQuery({
    queryKey: ['officer', 'stats', gate, range.from, range.to],
    queryFn: () => dailyStats(token, gate, range.from, range.to),
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setRange({ from, to });
  };
  const n = (value: number): string => formatNumber(value, language);
  const days = query.data ? perDay(query.data.items) : [];
  const chartSummary = days
    .map(
      (d) =>
        `${d.day}: ${COUNTS.filter((c) => ['arrived', 'cleared', 'exited'].includes(c))
          .map((c) => `${t(`stats.count.${c}`)} ${n(d.counts[c])}`)
          .join(', ')}`,
    )
    .join('; ');

  return (
    <section aria-labelledby="officer-stats" className="card">
      <h2 id="officer-stats">{t('stats.heading', { gate: tDefault(`gate.${gate}`) })}</h2>
      <form className="officer-form officer-inline" onSubmit={submit}>
        <div>
          <label htmlFor={fromId}>{t('stats.from')}</label>
          <input id={fromId} type="date" required value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div>
          <label htmlFor={toId}>{t('stats.to')}</label>
          <input id={toId} type="date" required value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
        <button type="submit" className="primary">
          {t('stats.show')}
        </button>
      </form>
      <div aria-live="polite">
        {query.isPending && <p role="status">{t('stats.loading')}</p>}
        {query.isError && <p className="problem">{problem(query.error)}</p>}
      </div>
      {query.data && days.length === 0 && <p>{t('stats.none')}</p>}
      {query.data && days.length > 0 && (
        <>
          <figure className="chart">
            <figcaption>{t('stats.chartTitle')}</figcaption>
            <BarChart
              labels={days.map((d) => d.day)}
              series={[
                { label: t('stats.count.arrived'), color: '#1d4ed8', values: days.map((d) => d.counts.arrived) },
                { label: t('stats.count.cleared'), color: '#b45309', values: days.map((d) => d.counts.cleared) },
                { label: t('stats.count.exited'), color: '#15803d', values: days.map((d) => d.counts.exited) },
              ]}
              xLabel={t('stats.day')}
              yLabel={t('stats.chartVehicles')}
              description={`${t('stats.chartTitle')}: ${chartSummary}`}
              formatValue={n}
            />
          </figure>
          <div className="officer-table-wrap">
            <table className="steps">
              <caption>{t('stats.perDay')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.day')}</th>
                  {COUNTS.map((c) => (
                    <th key={c} scope="col">
                      {t(`stats.count.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    {COUNTS.map((c) => (
                      <td key={c}>{n(d.counts[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="officer-table-wrap">
            <table className="steps">
              <caption>{t('stats.stepTimes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.day')}</th>
                  <th scope="col">{tDefault('vehicle.direction')}</th>
                  {STEP_AGENCIES.map((agency) => (
                    <th key={agency} scope="col">
                      {tDefault(`agency.${agency}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((item) => (
                  <tr key={`${item.day}-${item.direction}`}>
                    <th scope="row">{item.day}</th>
                    <td>{tDefault(`direction.${item.direction}`)}</td>
                    {STEP_AGENCIES.map((agency) => {
                      const m = item.stepMinutes[agency];
                      return (
                        <td key={agency}>
                          {m.p50 === null
                            ? '—'
                            : t('stats.p50p90', { p50: n(m.p50), p90: n(m.p90 ?? m.p50), decided: n(m.count) })}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {query.data && query.data.missingDays.length > 0 && (
        <p className="note">{t('stats.missing', { days: query.data.missingDays.join(', ') })}</p>
      )}
    </section>
  );
}
