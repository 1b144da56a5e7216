/**
 * How a CLI result reaches stdout: one JSON line for scripts (stdout not a terminal, or `--json`), or a few
 * aligned `key: value` lines for a person at a terminal. Both show the same data.
 */
export function renderResult(result: unknown, json: boolean): string {
  // Through JSON first, so the text shows exactly what the JSON line would (dates as ISO strings, no undefined).
  const plain: unknown = JSON.parse(JSON.stringify(result ?? null));
  return json ? `${JSON.stringify(plain)}\n` : formatText(plain);
}

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const isObject = (value: Plain): value is { [key: string]: Plain } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function scalar(value: Plain): string {
  if (value === null) return '-';
  if (Array.isArray(value)) return value.length ? value.map(scalar).join(', ') : '(none)';
  if (isObject(value))
    return Object.entries(value)
      .map(([k, v]) => `${k} ${scalar(v)}`)
      .join(', ');
  return String(value);
}

/** Readable text: nested objects as `parent.child` keys, lists of records one per line under their key. */
export function formatText(value: unknown): string {
  const plain = value as Plain;
  if (!isObject(plain)) return `${scalar(plain)}\n`;
  const rows: [string, string][] = [];
  const walk = (object: { [key: string]: Plain }, prefix: string): void => {
    for (const [key, child] of Object.entries(object)) {
      const name = `${prefix}${key}`;
      if (isObject(child)) walk(child, `${name}.`);
      else if (Array.isArray(child) && child.some(isObject)) {
        rows.push([name, `${child.length}`]);
        for (const item of child) rows.push(['', `- ${scalar(item)}`]);
      } else rows.push([name, scalar(child)]);
    }
  };
  walk(plain, '');
  const width = Math.max(0, ...rows.map(([key]) => key.length)) + 1;
  return rows.map(([key, text]) => `${key ? `${key}:` : ''}`.padEnd(width + 1) + text).join('\n') + '\n';
}
