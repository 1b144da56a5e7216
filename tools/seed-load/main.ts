import { parseArgs } from 'node:util';
import { SeedLoadRefused } from './database.js';
import { DEFAULT_DATABASE_URL, seedLoad } from './seed-load.js';

const USAGE = `Usage: npm run seed:load -- [options]

Fills a border-gate database with a realistic history (both gates, both directions, every status, clearance
steps, a verifiable audit chain). See docs/seed-load.md.

  --declarations N     how many declarations (default 100000)
  --database-url URL   target database (default: $DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --months M           history span in months, ending now (default 24)
  --seed S             PRNG seed: the same seed gives the same history (default 1)
  --fresh              drop and recreate the database first (its name must contain bench, seed, test or load)
  --yes-really         allow --fresh on a database with any other name
  --quiet              no progress output
  --help               this text

Exit codes: 0 loaded, 1 failed, 2 refused (bad arguments, or the database already holds declarations).
`;

class UsageError extends Error {}

function positiveInteger(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      declarations: { type: 'string' },
      'database-url': { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'yes-really': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const summary = await seedLoad({
    declarations: positiveInteger('declarations', values.declarations, 100_000),
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    months: positiveInteger('months', values.months, 24),
    seed: positiveInteger('seed', values.seed, 1, 0),
    fresh: values.fresh,
    yesReally: values['yes-really'],
    quiet: values.quiet,
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = error instanceof UsageError || error instanceof SeedLoadRefused;
    const badOption = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
    process.stderr.write(`seed:load: ${(error as Error).message}\n`);
    if (error instanceof UsageError || badOption) process.stderr.write(USAGE);
    process.exit(refused || badOption ? 2 : 1);
  },
);
