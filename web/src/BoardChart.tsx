import { useTranslation } from 'react-i18next';
import type { GateBoard } from './api';
import { BarChart } from './BarChart';
import { formatNumber } from './format';
import { isLanguage } from './i18n/languages';

const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

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
    <figure className="chart">
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
  );
}
