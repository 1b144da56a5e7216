// Run by `npm run cli` before `node dist/src/cli.js` (which does not compile): says so when dist/ is missing or
// older than the TypeScript it is built from, instead of running stale code or failing on a missing module.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/(?<!\.spec|\.d)\.ts$/.test(entry.name)) yield path;
  }
}

if (mtime('dist/src/cli.js') === undefined) {
  process.stderr.write('dist/ has no build: run `npm run build`, then the command again\n');
  process.exit(1);
}
for (const root of ['src', 'migrations']) {
  for (const source of sources(root)) {
    const built = mtime(join('dist', source.replace(/\.ts$/, '.js')));
    if (built === undefined || built < mtime(source)) {
      const why = built === undefined ? `${source} is not built yet` : `${source} changed after the last build`;
      process.stderr.write(`dist/ is out of date (${why}): run \`npm run build\`, then the command again\n`);
      process.exit(1);
    }
  }
}
