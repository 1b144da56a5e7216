import { parseArgs } from 'node:util';

/** Every scenario, in the order a run takes them. */
export const SCENARIOS = [
  'floor',
  'lookup',
  'submit',
  'submit-alone',
  'board',
  'listing',
  'open-lookup',
  'open-submit',
  'accepted',
  'officers',
  'soak',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** What runs without --scenarios (the soak only with --soak). */
export const DEFAULT_SCENARIOS: readonly ScenarioName[] = SCENARIOS.filter((s) => s !== 'soak');

export interface BenchOptions {
  declarations: number;
  durationSec: number;
  connections: number;
  scenarios: ScenarioName[];
  api: number;
  workers: number;
  reseed: boolean;
  databaseUrl: string;
  redisUrl: string;
  soakMinutes: number;
  jsonFile: string | null;
  cpuProf: boolean;
  floorDir: string;
  logLevel: string;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench -- [options]
  --declarations N     data size: declarations in the bench database (default 100000; 10000 … 1000000)
  --duration S         seconds of load per scenario (default 15)
  --connections C      closed-loop connections (default 32)
  --scenarios a,b,c    run a subset of: ${SCENARIOS.join(', ')}
                       (default: all but soak; the floor runs only when lookup or submit does)
  --api N              API processes (default 1)
  --workers N          worker processes (default 1); 2+ also verifies no job ran twice
  --reseed             seed the bench database again even if it already holds the requested size
  --database-url URL   bench database (default postgres://postgres@127.0.0.1:5432/border_gate_bench; its name must contain "bench")
  --redis-url URL      Redis (default redis://127.0.0.1:6379; the queue prefix is the bench database's name)
  --soak               also run the soak: mixed lookups + submissions, RSS sampled every 10 s
  --soak-minutes M     soak length (default 10)
  --json FILE          also write the results here (always written to bench-results/<timestamp>.json)
  --cpu-prof           start the API with --cpu-prof; profiles land in bench-results/profiles at its shutdown
  --floor-dir DIR      the floor (floor-server.mjs, floor-seed.sql), relative to the repo root (default ../shared/bench)
  --log-level L        the service's LOG_LEVEL (default info, the production default; it writes one line per request)
  --help`;

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const text = raw.replace(/_/g, '');
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text);
  if (!m) throw new UsageError(`--${name}: not a number: ${raw}`);
  const value = Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1_000 : m[2].toLowerCase() === 'm' ? 1_000_000 : 1);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: must be a whole number from ${min} to ${max}, got ${raw}`);
  }
  return value;
}

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new UsageError(`--${name}: must be a number above 0 and at most ${max}, got ${raw}`);
  }
  return value;
}

/** Parses the bench's command line (without `node main.js`). Throws UsageError with a message for people. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        declarations: { type: 'string' },
        duration: { type: 'string' },
        connections: { type: 'string' },
        scenarios: { type: 'string' },
        api: { type: 'string' },
        workers: { type: 'string' },
        reseed: { type: 'boolean', default: false },
        'database-url': { type: 'string' },
        'redis-url': { type: 'string' },
        soak: { type: 'boolean', default: false },
        'soak-minutes': { type: 'string' },
        json: { type: 'string' },
        'cpu-prof': { type: 'boolean', default: false },
        'floor-dir': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;

  let scenarios: ScenarioName[];
  if (v.scenarios !== undefined) {
    const names = v.scenarios
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
    if (unknown.length)
      throw new UsageError(`--scenarios: unknown ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
    if (names.length === 0) throw new UsageError('--scenarios: name at least one');
    scenarios = names as ScenarioName[];
  } else {
    scenarios = [...DEFAULT_SCENARIOS];
  }
  if (v.soak && !scenarios.includes('soak')) scenarios.push('soak');
  // Run order is fixed, whatever order they were named in.
  scenarios = SCENARIOS.filter((s) => scenarios.includes(s));

  const databaseUrl = v['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/border_gate_bench';
  const dbName = /^postgres(?:ql)?:\/\/[^/]*\/([\w-]+)(?:\?.*)?$/.exec(databaseUrl)?.[1];
  if (!dbName) throw new UsageError('--database-url: must be a postgres:// URL ending in a database name');
  if (!dbName.includes('bench')) {
    throw new UsageError(
      `--database-url: the database name must contain "bench" (it may be dropped and reseeded), got ${dbName}`,
    );
  }
  const logLevel = v['log-level'] ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new UsageError(`--log-level: one of fatal, error, warn, info, debug, trace, silent`);
  }

  return {
    declarations: int('declarations', v.declarations, 100_000, 10_000, 1_000_000),
    durationSec: positive('duration', v.duration, 15, 3600),
    connections: int('connections', v.connections, 32, 1, 1024),
    scenarios,
    api: int('api', v.api, 1, 1, 16),
    workers: int('workers', v.workers, 1, 1, 16),
    reseed: v.reseed ?? false,
    databaseUrl,
    redisUrl: v['redis-url'] ?? 'redis://127.0.0.1:6379',
    soakMinutes: positive('soak-minutes', v['soak-minutes'], 10, 24 * 60),
    jsonFile: v.json ?? null,
    cpuProf: v['cpu-prof'] ?? false,
    floorDir: v['floor-dir'] ?? '../shared/bench',
    logLevel,
    help: v.help ?? false,
  };
}

/** The database name and a URL to the maintenance database `postgres` on the same server. */
export function splitDatabaseUrl(url: string): { name: string; adminUrl: string } {
  const m = /^(postgres(?:ql)?:\/\/[^/]*\/)([\w-]+)(\?.*)?$/.exec(url);
  if (!m) throw new UsageError('not a postgres:// URL ending in a database name');
  return { name: m[2], adminUrl: `${m[1]}postgres${m[3] ?? ''}` };
}

/** Quotes a command line the way a POSIX shell would read it back. */
export function shellQuote(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
