/** The printed report: one table of scenarios, then the targets PASS/MISS. Pure formatting. */

export interface TableRow {
  scenario: string;
  system: 'service' | 'API alone' | 'floor';
  load: string;
  rps: number | null;
  p50: number | null;
  p99: number | null;
  non2xx: number | null;
  socketErrors: number | null;
  /** Service requests/s ÷ floor requests/s, on service rows that have a floor twin. */
  vsFloor: number | null;
  note?: string;
}

export interface TargetResult {
  target: string;
  measured: string;
  /** null: not measured in this run. */
  pass: boolean | null;
}

const dash = '—';

export function fmtNum(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds with sensible precision: 0.42, 3.1, 12, 1,234. */
export function fmtMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  if (value < 1) return value.toFixed(2);
  if (value < 10) return value.toFixed(1);
  return fmtNum(value);
}

export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || !Number.isFinite(numerator) || !(denominator > 0)) return null;
  return numerator / denominator;
}

export function fmtRatio(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? dash : `${value.toFixed(2)}×`;
}

export function fmtBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return dash;
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

/** Renders rows of cells as an aligned text table; numeric-looking cells are right-aligned. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: 'auto' | 'left' = 'auto',
): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const numeric = (cell: string): boolean => align === 'auto' && /^[\d,.\s×%—-]+(ms|MB|×)?$/.test(cell) && cell !== '';
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (numeric(c) && i > 0 ? pad(c, widths[i], 'left') : pad(c, widths[i], 'right')))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The scenario table. */
export function scenarioTable(rows: readonly TableRow[]): string {
  return renderTable(
    ['scenario', 'system', 'load', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'socket err', 'vs floor', 'note'],
    rows.map((r) => [
      r.scenario,
      r.system,
      r.load,
      fmtNum(r.rps),
      fmtMs(r.p50),
      fmtMs(r.p99),
      fmtNum(r.non2xx),
      fmtNum(r.socketErrors),
      fmtRatio(r.vsFloor),
      r.note ?? '',
    ]),
  );
}

export function targetLines(targets: readonly TargetResult[]): string {
  return renderTable(
    ['', 'target', 'measured'],
    targets.map((t) => [t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'MISS', t.target, t.measured]),
    'left',
  );
}

/** A target of the form "value ≥ min" (or ≤ max); null values are "not measured". */
export function atLeast(target: string, value: number | null, min: number, shown: string): TargetResult {
  return { target, measured: value === null ? 'not measured' : shown, pass: value === null ? null : value >= min };
}

export function below(target: string, value: number | null, max: number, shown: string): TargetResult {
  return { target, measured: value === null ? 'not measured' : shown, pass: value === null ? null : value < max };
}

function width(text: string): number {
  // East Asian wide characters take two columns in a terminal.
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'left' ? fill + text : text + fill;
}
