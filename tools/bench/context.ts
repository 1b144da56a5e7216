import type { BenchOptions } from './args.js';
import type { Pool } from './db.js';
import type { CompanyKey } from './fixtures.js';
import type { LoadResult, LoadSpec } from './load/protocol.js';
import type { RunningService } from './service.js';
import { cpuLine } from './cpu.js';

/** What every scenario gets: the options, the bench database, the running service, keys and plates. */
export interface BenchContext {
  options: BenchOptions;
  repoRoot: string;
  runId: string;
  db: Pool;
  service: RunningService | null;
  benchKey: CompanyKey;
  /** Canonical plates that exist, and plates that exist nowhere, for the service's lookups. */
  knownPlates: string[];
  unknownPlates: string[];
  log: (line: string) => void;
  note: (line: string) => void;
  /** Seconds of warm-up before a measured closed loop (not counted). */
  warmupSec: number;
}

export type Scenario<T> = (ctx: BenchContext) => Promise<T>;

export interface Compared {
  service: LoadResult | null;
  floor: LoadResult | null;
  /** Service requests/s ÷ floor requests/s. */
  ratio: number | null;
}

export function closedSpec(
  ctx: BenchContext,
  targets: string[],
  workload: LoadSpec['workload'],
  durationSec = ctx.options.durationSec,
): LoadSpec {
  return { mode: 'closed', targets, connections: ctx.options.connections, durationSec, timeoutSec: 10, workload };
}

export function oneLine(r: LoadResult): string {
  const errors = r.non2xx + r.socketErrors;
  return (
    `${r.rps.toFixed(0)} req/s, p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms` +
    (errors ? `, ${r.non2xx} non-2xx, ${r.socketErrors} socket errors` : '') +
    (r.sampleErrors.length ? `\n    e.g. ${r.sampleErrors[0]}` : '') +
    (cpuLine(r) ? `\n    ${cpuLine(r)}` : '')
  );
}
