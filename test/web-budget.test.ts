import { fileURLToPath } from 'node:url';
import { BUDGET_BYTES, kB, OTHER_PAGES, publicPageJavaScript } from '../scripts/web-budget.mjs';

/**
 * The public page (`/`) loads under 150 kB of JavaScript gzipped, its chart included: measured on the built pages
 * (`npm run build` writes dist/web and Vite's manifest), as `npm run build` itself prints it.
 */
const webDir = fileURLToPath(new URL('../dist/web', import.meta.url));

describe('the public page’s JavaScript budget', () => {
  it('stays under 150 kB gzipped, the chart included, the portal and the console left out', () => {
    const { files, gzipBytes } = publicPageJavaScript(webDir);
    const names = files.map((f) => f.file);
    // The entry and the board's chart are counted; the other pages' chunks are not.
    expect(names.some((name) => /^assets\/index-.*\.js$/.test(name))).toBe(true);
    expect(names.some((name) => /^assets\/BoardChart-.*\.js$/.test(name))).toBe(true);
    for (const page of OTHER_PAGES) {
      const chunk = page.replace(/^.*\/(\w+)\.tsx$/, '$1');
      expect(names.filter((name) => name.startsWith(`assets/${chunk}-`))).toEqual([]);
    }
    expect(files.every((f) => f.gzipBytes > 0)).toBe(true);
    const verdict = `public page JavaScript: ${kB(gzipBytes)} kB gzipped (budget ${kB(BUDGET_BYTES)} kB)`;
    expect({ verdict, underBudget: gzipBytes < BUDGET_BYTES }).toEqual({ verdict, underBudget: true });
  });
});
