/**
 * `npm run simulate`: replays one peak day through the service's own code (its modules over a scratch database,
 * migrated fresh, on a simulation clock), without metering and with it, and prints hour by hour where the trucks
 * waited. See docs/metering.md.
 */
import { writeFileSync } from 'node:fs';
import { parseSimulateArgs, USAGE, UsageError } from './args.js';
import { comparisonChart, hourTable, summaryLine } from './report.js';
import { type Mode, runMode } from './run.js';
import type { ModeResult } from './timeline.js';

/** The database URL with `suffix` added to its name. */
function withSuffix(url: string, suffix: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}${suffix}`;
  return parsed.toString();
}

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseSimulateArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const modes: Mode[] =
    options.metering === 'both' ? ['unmetered', 'metered'] : [options.metering === 'on' ? 'metered' : 'unmetered'];
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  // Each mode has its own scratch database; both run at once (the work waits on the database, rarely on the CPU).
  const databaseUrl = (mode: Mode): string =>
    modes.length === 1 ? options.databaseUrl : withSuffix(options.databaseUrl, mode === 'metered' ? '_on' : '_off');
  for (const mode of modes) log(`${mode}: ${options.trucks} trucks on ${options.day} (seed ${options.seed}) …`);
  const results: ModeResult[] = await Promise.all(
    modes.map((mode) => runMode(mode, { ...options, databaseUrl: databaseUrl(mode), log })),
  );
  if (!options.json) {
    for (const result of results) {
      const title = result.summary.mode === 'metered' ? 'With metering' : 'Without metering';
      process.stdout.write(`\n${title}\n${hourTable(result)}\n`);
    }
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ day: options.day, trucks: options.trucks, seed: options.seed, serviceFactor: options.serviceFactor, modes: results }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`\n${results.map((r) => summaryLine(r.summary)).join('\n')}\n`);
  }
  if (options.svg) {
    writeFileSync(options.svg, comparisonChart(results[0], results[1], options.trucks, options.day));
    log(`chart written to ${options.svg}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`simulate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
