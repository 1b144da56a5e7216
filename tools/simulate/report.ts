import { renderTable } from '../bench/report.js';
import { LOCAL_OFFSET_MS } from './arrivals.js';
import type { HourRow, ModeResult, ModeSummary } from './timeline.js';

const dash = '—';

/** Minutes as people read a wait: `0m`, `45m`, `3h10`, `2d05h`. */
export function fmtWait(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return dash;
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}`;
  return `${Math.floor(m / 1440)}d${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}h`;
}

/** An hour's start in Vietnam time: `12-20 07:00`. */
export function fmtHour(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(5, 16).replace('T', ' ');
}

const HEADERS = [
  'hour (UTC+7)',
  'arrivals',
  'booked',
  'road',
  'gate yards',
  'reg. yards',
  'in',
  'out',
  'at gate p50',
  'max',
  'reg. yard p50',
  'max',
];

function hourCells(h: HourRow, metered: boolean): string[] {
  return [
    fmtHour(h.hour),
    String(h.arrivals),
    metered ? String(h.booked) : dash,
    String(h.road),
    String(h.gateYard),
    metered ? String(h.regulationYards) : dash,
    String(h.checkedIn),
    String(h.exited),
    fmtWait(h.gateWaitMedian),
    fmtWait(h.gateWaitMax),
    metered ? fmtWait(h.yardWaitMedian) : dash,
    metered ? fmtWait(h.yardWaitMax) : dash,
  ];
}

/** The hour table of one mode. */
export function hourTable(result: ModeResult): string {
  const metered = result.summary.mode === 'metered';
  return renderTable(
    HEADERS,
    result.hours.map((h) => hourCells(h, metered)),
  );
}

/** One line per mode: what became of the trucks and how long they waited. */
export function summaryLine(s: ModeSummary): string {
  const regulation =
    s.mode === 'metered'
      ? `; regulation yards: wait for the call p50 ${fmtWait(s.yardWaitMedianMinutes)}, max ${fmtWait(s.yardWaitMaxMinutes)}, ` +
        `at most ${s.maxRegulationYards} waiting`
      : '';
  return (
    `${s.mode.padEnd(9)} ${s.trucks} trucks: ${s.exited} out, ${s.unfinished} still waiting, ${s.rejected} not declared, ` +
    `${s.noShows} no-shows, ${s.expired} expired; time at the gate p50 ${fmtWait(s.gateWaitMedianMinutes)}, ` +
    `p90 ${fmtWait(s.gateWaitP90Minutes)}, max ${fmtWait(s.gateWaitMaxMinutes)}; at most ${s.maxRoadQueue} on the road, ` +
    `${s.maxGateYard} in the gate yards${regulation}; last out at hour ${s.lastExitHour ?? dash}; ` +
    `${s.simulatedHours} h simulated in ${s.wallSeconds} s`
  );
}

export interface ChartSeries {
  label: string;
  colour: string;
  dashed?: boolean;
  values: readonly number[];
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A line chart as a standalone SVG (no script, no external font): one line per series over the hours, the day's
 * midnights marked, a legend. Accessible: a title and a description.
 */
export function lineChartSvg(options: {
  title: string;
  description: string;
  hours: readonly Date[];
  series: readonly ChartSeries[];
  yLabel: string;
}): string {
  const [w, h, left, right, top, bottom] = [820, 360, 60, 20, 40, 60];
  const n = options.hours.length;
  const max = Math.max(1, ...options.series.flatMap((s) => s.values));
  const step = 10 ** Math.floor(Math.log10(max));
  const yMax = Math.ceil(max / step) * step;
  const x = (i: number): number => left + ((w - left - right) * i) / Math.max(1, n - 1);
  const y = (v: number): number => top + (h - top - bottom) * (1 - v / yMax);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="t d" font-family="sans-serif" font-size="12">`,
    `<title id="t">${escapeXml(options.title)}</title>`,
    `<desc id="d">${escapeXml(options.description)}</desc>`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    out.push(
      `<line x1="${left}" x2="${w - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v.toLocaleString('en-US')}</text>`,
    );
  }
  out.push(
    `<text x="14" y="${(top + h - bottom) / 2}" transform="rotate(-90 14 ${(top + h - bottom) / 2})" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  options.hours.forEach((at, i) => {
    const local = new Date(at.getTime() + LOCAL_OFFSET_MS);
    const hour = local.getUTCHours();
    if (hour % 6 !== 0) return;
    const label = hour === 0 ? local.toISOString().slice(5, 10) : `${String(hour).padStart(2, '0')}:00`;
    out.push(
      `<line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${top}" y2="${h - bottom}" stroke="${hour === 0 ? '#999' : '#eee'}"/>`,
      `<text x="${x(i).toFixed(1)}" y="${h - bottom + 16}" text-anchor="middle">${label}</text>`,
    );
  });
  options.series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    out.push(
      `<polyline fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${points}"/>`,
    );
    const lx = left + k * 190;
    out.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${h - 18}" y2="${h - 18}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${lx + 30}" y="${h - 14}">${escapeXml(s.label)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The docs' chart: trucks waiting at the gate (road + gate yard) with and without metering, and at regulation yards. */
export function comparisonChart(unmetered: ModeResult, metered: ModeResult, trucks: number, day: string): string {
  const length = Math.max(unmetered.hours.length, metered.hours.length);
  const hours = (unmetered.hours.length >= metered.hours.length ? unmetered : metered).hours.map((h) => h.hour);
  const pad = (values: number[]): number[] => [...values, ...Array.from({ length: length - values.length }, () => 0)];
  const atGate = (r: ModeResult): number[] => pad(r.hours.map((h) => h.road + h.gateYard));
  return lineChartSvg({
    title: `${trucks.toLocaleString('en-US')} trucks on ${day}: trucks at the gates, hour by hour`,
    description:
      'Without metering the trucks queue on the road before the gate yards and the queue grows all day; with ' +
      'metering the gate yards stay within their room and the waiting moves to the regulation yards and to the booked hours.',
    hours,
    yLabel: 'trucks',
    series: [
      { label: 'at the gates, no metering', colour: '#c0392b', values: atGate(unmetered) },
      { label: 'at the gates, metering', colour: '#1f6fb2', values: atGate(metered) },
      {
        label: 'at regulation yards, metering',
        colour: '#1f6fb2',
        dashed: true,
        values: pad(metered.hours.map((h) => h.regulationYards)),
      },
    ],
  });
}
