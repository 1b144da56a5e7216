/*
 * The examples in README.md and docs/*.md run as written, against a freshly migrated database.
 *
 * Convention (docs/operations.md, "Examples in these docs"):
 * - ```bash runnable — a shell example a user runs against a started service. Every runnable block of a file
 *   runs in order in ONE bash session (`set -euo pipefail`), so a variable set in one block (KEY=…) is there
 *   in the next; a block must exit 0. `curl -f` makes an unexpected HTTP status fail the block.
 * - ```json expected / ```text expected right after a runnable block (blank lines only between): what its
 *   stdout must show. json: stdout, or one of its lines, is JSON containing the value (objects may have more
 *   keys, `"…"` matches any value); text: each non-blank line equals a stdout line, in order (`…` matches any
 *   text within the line).
 * - Plain ```bash blocks are not run; each must hold a command of NOT_RUN below, which this test cannot run.
 *
 * What the test changes so the examples can run here, and nothing else:
 * - `localhost:3000` and `127.0.0.1:3000` become the loopback port of the service this test starts
 *   (APP_ROLE=all, its own QUEUE_PREFIX, from dist/src/main.js) on the database <TEST_DATABASE_URL>_docs;
 *   the session has the same DATABASE_URL, REDIS_URL and QUEUE_PREFIX, so `npm run cli` works on that database.
 * - `npm run [-s] cli -- …` runs `node dist/src/cli.js …`, the built CLI the script runs: `npm test` has built
 *   dist/ already, and npm's own start-up (and any build step of the script) would cost seconds per command.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { freshMigratedDatabase, siblingTestDatabaseUrl } from './support/databases.js';
import { describeFailure, parseDoc, runBlocks, showsExpected } from './support/doc-examples.js';
import { baseEnv, startService, type RunningService } from './support/processes.js';
import { testQueuePrefix } from './support/test-env.js';

const FILES = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const DOCS = FILES.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const PARSED = DOCS.map(({ file, text }) => parseDoc(file, text));

/** A plain (not run) bash block must hold one of these: they install, load millions of rows, benchmark, need Docker. */
const NOT_RUN = [
  /^npm ci( && npm (start|test))?\b/,
  /^npm run (seed:load|bench|simulate)\b/,
  /^docker compose\b/,
  /^export PATH="\$\(bash \.ci\/run node\):\$PATH"/,
];

describe('the docs', () => {
  it('say what the service does, not the history of its development', () => {
    const found = DOCS.flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        // A path segment or a file name is the code's word, not the docs' (`/api/v1/company/session`,
        // `test/company-sessions.test.ts`).
        .filter(({ line }) => /\bissues? ?#?\d+\b|(?<![/-])\bsessions?\b/i.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('mark examples and their expected output correctly, and run every shell example they can', () => {
    expect(PARSED.flatMap((doc) => doc.problems)).toEqual([]);
    const runnableButPlain = PARSED.flatMap((doc) => doc.plainBash)
      .filter((block) => !block.code.split('\n').some((line) => NOT_RUN.some((command) => command.test(line.trim()))))
      .map((block) => `${block.file}:${block.line}`);
    expect(runnableButPlain).toEqual([]); // mark it ```bash runnable, or (if it truly cannot run here) extend NOT_RUN
    expect(PARSED[FILES.indexOf('README.md')].runnable.length).toBeGreaterThan(0);
  });

  it('read the markers as the convention says', () => {
    const doc = parseDoc(
      'x.md',
      [
        '```bash runnable',
        'echo hi',
        '```',
        '',
        '```text expected',
        'hi',
        '```',
        'Prose.',
        '```json expected',
        '{}',
        '```',
        '```bash',
        'ls',
        '```',
      ].join('\n'),
    );
    expect(doc.runnable).toEqual([
      { file: 'x.md', line: 1, code: 'echo hi', expected: { kind: 'text', body: 'hi', line: 5 } },
    ]);
    expect(doc.problems).toEqual(['x.md:9: an expected block must follow a runnable block (blank lines only between)']);
    expect(doc.plainBash.map((block) => block.line)).toEqual([12]);
  });

  it('compare output with an expected block as the convention says', () => {
    const json = (body: string) => ({ kind: 'json' as const, body, line: 1 });
    const text = (body: string) => ({ kind: 'text' as const, body, line: 1 });
    expect(showsExpected('{"id":"a1","status":"accepted","n":2}\n', json('{"status":"accepted","id":"…"}'))).toBe(true);
    expect(showsExpected('noise\n{"items":[{"day":"x"}]}\n', json('{"items":[{"day":"…"}]}'))).toBe(true);
    expect(showsExpected('{"status":"rejected"}', json('{"status":"accepted"}'))).toBe(false);
    expect(showsExpected('{"items":[]}', json('{"items":[{"day":"…"}]}'))).toBe(false);
    expect(showsExpected('202\n409\n', text('202\n409'))).toBe(true);
    expect(showsExpected('409\n202\n', text('202\n409'))).toBe(false);
    expect(showsExpected('HTTP 202 in 12 ms\n', text('HTTP 202 …'))).toBe(true);
    expect(showsExpected('HTTP 2020\n', text('HTTP 202'))).toBe(false);
  });
});

describe('the examples in the docs, run as written', () => {
  const databaseUrl = siblingTestDatabaseUrl('docs');
  const queuePrefix = testQueuePrefix();
  let service: RunningService;

  beforeAll(async () => {
    await freshMigratedDatabase(databaseUrl);
    service = await startService({
      APP_ROLE: 'all',
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATE_ON_START: 'false',
      QUEUE_PREFIX: queuePrefix,
    });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
  });

  const withExamples = PARSED.filter((doc) => doc.runnable.length > 0);

  it.each(withExamples.map((doc) => [doc.runnable[0].file, doc] as const))(
    '%s',
    async (_file, doc) => {
      const results = await runBlocks(doc.runnable, {
        baseUrl: service.url,
        cwd: process.cwd(),
        env: baseEnv({
          PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
          HOME: process.env.HOME ?? '/tmp',
          DATABASE_URL: databaseUrl,
          DATABASE_MIGRATE_ON_START: 'false', // migrated above; spares each CLI command the check
          QUEUE_PREFIX: queuePrefix,
        }),
        timeoutMs: 90_000,
      });
      const failures = results.filter((r) => r.outcome === 'failed').map(describeFailure);
      expect(failures).toEqual([]);
      expect(results.every((r) => r.outcome === 'passed')).toBe(true);
    },
    120_000,
  );
});
