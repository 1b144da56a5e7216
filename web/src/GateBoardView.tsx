import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { gateBoard } from './api';
import { errorText } from './api-errors';
import { formatDateTime, formatNumber, formatTime } from './format';
import { FreeSlots } from './FreeSlots';
import { isLanguage } from './i18n/languages';

// The chart (uPlot) is loaded after the numbers, so they show first.
const BoardChart = lazy(() => import('./BoardChart'));

const REFRESH_MS = 30_000;
const AGENCIES = ['customs', 'border_guard', 'quarantine', 'yard'] as const;

/**
 * One gate's board: open or closed, today's numbers, the warning level in colour and words, the regulation yards'
 * lines, the next 12 hours and today's hours as charts, the free arrival hours of the next days.
 */
export function GateBoardView({ gate }: { gate: 'HUU_NGHI' | 'TAN_THANH' }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const query = useQuery({ queryKey: ['board', gate], queryFn: () => gateBoard(gate), refetchInterval: REFRESH_MS });
  const board = query.data;
  const n = (value: number): string => formatNumber(value, language);
  const headingId = `board-${gate}-heading`;

  return (
    <section data-testid={`board-${gate}`} aria-labelledby={headingId} aria-busy={query.isFetching} className="card">
      <h3 id={headingId}>{t(`gate.${gate}`)}</h3>
      {query.isPending && <p role="status">{t('board.loading')}</p>}
      {query.isError && !board && (
        <p className="problem">{errorText(query.error, (key, options) => t(key, options ?? {}))}</p>
      )}
      {board && (
        <>
          <p className={board.open ? 'state state-open' : 'state state-closed'}>
            <span aria-hidden="true">{board.open ? '●' : '■'}</span> {board.open ? t('board.open') : t('board.closed')}
            {!board.open && board.closedReason && (
              <span className="reason"> — {t('board.closedReason', { reason: board.closedReason })}</span>
            )}
          </p>
          <p className={`warning warning-${board.warningLevel}`}>
            {t('board.warning')}:{' '}
            <strong>{t(`board.warningLevel.${board.warningLevel}`, { defaultValue: board.warningLevel })}</strong>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('board.expectedToday')}</dt>
              <dd>{n(board.expectedToday)}</dd>
            </div>
            <div>
              <dt>{t('board.inYard')}</dt>
              <dd>{n(board.inYard)}</dd>
            </div>
            <div>
              <dt>{t('board.capacityLeft')}</dt>
              <dd>
                {n(board.capacityLeft)} / {n(board.capacityToday)}
              </dd>
            </div>
            <div>
              <dt>{t('board.median')}</dt>
              <dd>
                {board.medianArrivalToExitMinutes === null
                  ? t('board.noMedian')
                  : t('vehicle.minutes', { minutes: n(board.medianArrivalToExitMinutes) })}
              </dd>
            </div>
          </dl>
          {board.forecast?.peakHour && board.forecast.peakInYard > 0 && (
            <p data-testid="forecast-peak">
              {t('board.forecastPeak', {
                hour: formatTime(board.forecast.peakHour),
                vehicles: n(board.forecast.peakInYard),
              })}
            </p>
          )}
          {board.regulationYards && board.regulationYards.yards.length > 0 && (
            <>
              <h4>{t('board.regulationYards')}</h4>
              <ul className="regulation-yards" data-testid="regulation-yards">
                {board.regulationYards.yards.map((yard) => (
                  <li key={yard.code}>
                    {language === 'vi' ? yard.name : (yard.nameEn ?? yard.name)}:{' '}
                    <strong>
                      {t('board.yardCounts', {
                        waiting: n(yard.waiting),
                        called: n(yard.called),
                        capacity: n(yard.capacity),
                      })}
                    </strong>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('board.waiting')}</h4>
          <ul className="agencies">
            {AGENCIES.map((agency) => (
              <li key={agency}>
                {t(`agency.${agency}`)}: <strong>{n(board.waitingByAgency[agency])}</strong>
              </li>
            ))}
          </ul>
          <Suspense fallback={<p role="status">{t('board.chartLoading')}</p>}>
            <BoardChart board={board} />
          </Suspense>
          <FreeSlots gate={gate} />
          <p className="note">
            {t('board.updated', { time: formatDateTime(board.updatedAt, language) })} {t('app.timeZone')}
          </p>
        </>
      )}
    </section>
  );
}
