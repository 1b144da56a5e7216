import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { GateBoard } from './api';
import { formatNumber } from './format';
import { isLanguage } from './i18n/languages';

// Only the parts a bar chart needs, so the chart chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Today's arrivals and exits; the numbers are in the text alternative too, for readers who cannot see it. */
export default function BoardChart({ board }: { board: GateBoard }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'vi';
  const arrivals = board.inYard + board.exitedToday;
  const labels = [t('board.chartArrivals'), t('board.chartExits')];
  const values = [arrivals, board.exitedToday];
  const summary = labels.map((label, i) => `${label}: ${formatNumber(values[i] ?? 0, language)}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>
        {t('board.chartTitle')} <span className="note">{t('board.chartNote')}</span>
      </figcaption>
      <div className="chart-box">
        <Bar
          role="img"
          aria-label={`${t('board.chartTitle')}: ${summary}`}
          data={{ labels, datasets: [{ label: t('board.chartTitle'), data: values, backgroundColor: ['#1d4ed8', '#15803d'] }] }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            locale: language === 'vi' ? 'vi-VN' : language === 'zh' ? 'zh-CN' : 'en-US',
            plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          }}
        />
      </div>
    </figure>
  );
}
