import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { GateBoard } from './api';
import { formatNumber } from './format';
import { isLanguage } from './i18n/languages';

// Only the parts a bar chart needs, so the chart chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

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
      <div className="chart-box">
        <Bar
          role="img"
          aria-label={`${t('board.chartTitle')}: ${summary}`}
          data={{
            labels: board.hourly.map((h) => hourLabel(h.hour)),
            datasets: [
              {
                label: t('board.chartArrivals'),
                data: board.hourly.map((h) => h.arrivals),
                backgroundColor: '#1d4ed8',
              },
              { label: t('board.chartExits'), data: board.hourly.map((h) => h.exits), backgroundColor: '#15803d' },
            ],
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            locale: language === 'vi' ? 'vi-VN' : language === 'zh' ? 'zh-CN' : 'en-US',
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 8 } } },
          }}
        />
      </div>
    </figure>
  );
}
