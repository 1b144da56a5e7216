// Run by `npm run build` after Vite, and by test/web-budget.test.ts: the public page's JavaScript, gzipped, must stay
// under its budget. It walks Vite's manifest from index.html through static and dynamic imports (the board's chart
// too), leaving out the company portal and the officer console: a visitor of `/` never loads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;
/** Entry points of other pages, relative to web/ as the manifest names them. */
export const OTHER_PAGES = ['src/company/CompanyPortal.tsx', 'src/officer/OfficerConsole.tsx'];

/** The public page's JavaScript files and their gzipped size (level 9) in bytes, read from a built dist/web. */
export function publicPageJavaScript(webDir) {
  const manifest = JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8'));
  const seen = new Set();
  const pending = ['index.html'];
  while (pending.length > 0) {
    const key = pending.pop();
    if (seen.has(key) || OTHER_PAGES.includes(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest has no entry ${key}`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  const files = [...seen]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(webDir, file)), { level: 9 }).length }));
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export const kB = (bytes) => (bytes / 1024).toFixed(1);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { gzipBytes } = publicPageJavaScript(process.argv[2] ?? 'dist/web');
  process.stdout.write(`public page JavaScript: ${kB(gzipBytes)} kB gzipped (budget ${kB(BUDGET_BYTES)} kB)\n`);
  if (gzipBytes > BUDGET_BYTES) process.exit(1);
}
