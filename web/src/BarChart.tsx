import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface BarSeries {
  label: string;
  color: string;
  values: number[];
  /** Drawn as a line over the bars (a level, such as vehicles expected in the yard) instead of as bars. */
  line?: boolean;
}

export interface BarChartProps {
  /** One label per group of bars (an hour, a day), in order. */
  labels: string[];
  series: BarSeries[];
  xLabel: string;
  yLabel: string;
  /** The figures in words: the canvas is an image to assistive technology. */
  description: string;
  formatValue: (value: number) => string;
}

const PLOT_HEIGHT = 192;
/** The share of a group's slot the bars take together; the rest is the gap between groups. */
const GROUP_WIDTH = 0.8;
/** Roughly the room an x label needs, in CSS pixels. */
const LABEL_ROOM = 52;

/** Side-by-side bars: series `s` (1-based) of `count` sits at its own offset inside each group's slot. */
function groupedBars(count: number): uPlot.Series.PathBuilder[] {
  const barWidth = GROUP_WIDTH / count;
  return Array.from({ length: count }, (_, i) =>
    uPlot.paths.bars!({
      disp: {
        // In x-scale units: group k spans k - GROUP_WIDTH/2 … k + GROUP_WIDTH/2.
        x0: {
          unit: 1,
          values: (u) => (u.data[0] as number[]).map((x) => x - GROUP_WIDTH / 2 + i * barWidth),
        },
        size: { unit: 1, values: () => [barWidth] },
      },
    }),
  );
}

/** A bar chart (with lines over it, if some series are lines) drawn by uPlot on a canvas, with a legend naming each series, sized to its container. */
export function BarChart({ labels, series, xLabel, yLabel, description, formatValue }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const format = useRef(formatValue);
  format.current = formatValue;
  // The pages pass fresh arrays on each render (a board refetches every 30 s): redraw only when the figures change.
  const figures = JSON.stringify({ labels, series, xLabel, yLabel });

  useEffect(() => {
    const { labels, series, xLabel, yLabel } = JSON.parse(figures) as Omit<
      BarChartProps,
      'description' | 'formatValue'
    >;
    const element = box.current;
    if (!element) return;
    const bars = series.filter((s) => !s.line).length;
    const paths = groupedBars(Math.max(bars, 1));
    let bar = 0;
    const xs = labels.map((_, i) => i);
    const data: uPlot.AlignedData = [xs, ...series.map((s) => s.values)];
    const width = (): number => Math.max(element.clientWidth, 200);
    const opts: uPlot.Options = {
      width: width(),
      height: PLOT_HEIGHT,
      cursor: { show: false },
      legend: { show: true, live: false },
      scales: {
        x: { time: false, range: () => [-0.5, labels.length - 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
      },
      axes: [
        {
          label: xLabel,
          // One label every `step` groups, as many as fit the width.
          splits: (u) => {
            const step = Math.max(
              1,
              Math.ceil((labels.length * LABEL_ROOM) / Math.max(u.bbox.width / devicePixelRatio, 1)),
            );
            return xs.filter((x) => x % step === 0);
          },
          values: (_u, splits) => splits.map((x) => labels[x] ?? ''),
          grid: { show: false },
        },
        {
          label: yLabel,
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? format.current(v) : '')),
          size: 48,
        },
      ],
      series: [
        { label: xLabel },
        ...series.map((s) =>
          s.line
            ? { label: s.label, stroke: s.color, width: 3, points: { show: true, size: 6, fill: s.color } }
            : {
                label: s.label,
                fill: s.color,
                stroke: s.color,
                width: 0,
                paths: paths[bar++],
                points: { show: false },
              },
        ),
      ],
    };
    const chart = new uPlot(opts, data, element);
    // Fit the container as it changes (a phone turned, a window resized).
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: PLOT_HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [figures]);

  return <div ref={box} className="bar-chart" role="img" aria-label={description} />;
}
