import { useTranslation } from 'react-i18next';
import type { GateBoard } from './api';
import { BarChart } from './BarChart';
import { formatNumber, formatTime } from './format';
import { isLanguage } from './i18n/languages';

const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** The next 12 hours: booked arrivals against capacity (bars) and the vehicles expected in the gate yard (line). */
function NextHoursChart({ board }: { board: GateBoard }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const hours = board.nextHours ?? [];
  if (hours.length === 0) return null;
  const n = (value: number): string => formatNumber(value, language);
  const summary = hours.some((h) => h.capacity > 0 || h.booked > 0 || h.expectedInYard > 0)
    ? hours
        .map(
          (h) =>
            `${formatTime(h.slotStart)} ${t('board.nextBooked')} ${n(h.booked)} / ${t('board.nextCapacity')} ` +
            `${n(h.capacity)}, ${t('board.nextInYard')} ${n(h.expectedInYard)}`,
        )
        .join('; ')
    : t('board.nextEmpty');
  return (
    <figure className="chart" data-testid="next-hours">
      <figcaption>
        {t('board.nextHoursTitle')} <span className="note">{t('board.nextHoursNote')}</span>
      </figcaption>
      <BarChart
        labels={hours.map((h) => formatTime(h.slotStart))}
        series={[
          { label: t('board.nextCapacity'), color: '#94a3b8', values: hours.map((h) => h.capacity) },
          { label: t('board.nextBooked'), color: '#1d4ed8', values: hours.map((h) => h.booked) },
          { label: t('board.nextInYard'), color: '#b45309', values: hours.map((h) => h.expectedInYard), line: true },
        ]}
        xLabel={t('board.chartHour')}
        yLabel={t('board.chartVehicles')}
        description={`${t('board.nextHoursTitle')}: ${summary}`}
        formatValue={n}
      />
    </figure>
  );
}

/** Today's check-ins and exits per hour; the numbers are in the text alternative too, for readers who cannot see it. */
export default function BoardChart({ board }: { board: GateBoard }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const busy = board.hourly.filter((h) => h.arrivals > 0 || h.exits > 0);
  const summary =
    busy.length === 0
      ? t('board.chartEmpty')
      : busy
          .map(
            (h) =>
              `${hourLabel(h.hour)} ${t('board.chartArrivals')} ${formatNumber(h.arrivals, language)}, ` +
              `${t('board.chartExits')} ${formatNumber(h.exits, language)}`,
          )
          .join('; ');
  return (
    <>
      <NextHoursChart board={board} />
      <figure className="chart" data-testid="today-chart">
        <figcaption>
          {t('board.chartTitle')} <span className="note">{t('board.chartNote')}</span>
        </figcaption>
        <BarChart
          labels={board.hourly.map((h) => hourLabel(h.hour))}
          series={[
            { label: t('board.chartArrivals'), color: '#1d4ed8', values: board.hourly.map((h) => h.arrivals) },
            { label: t('board.chartExits'), color: '#15803d', values: board.hourly.map((h) => h.exits) },
          ]}
          xLabel={t('board.chartHour')}
          yLabel={t('board.chartVehicles')}
          description={`${t('board.chartTitle')}: ${summary}`}
          formatValue={(value) => formatNumber(value, language)}
        />
      </figure>
    </>
  );
}
