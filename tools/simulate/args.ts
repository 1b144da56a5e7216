import { parseArgs } from 'node:util';
import { localMidnight } from './arrivals.js';

export type MeteringChoice = 'on' | 'off' | 'both';

export interface SimulateOptions {
  day: string;
  trucks: number;
  metering: MeteringChoice;
  seed: number;
  databaseUrl: string;
  redisUrl: string;
  stepMinutes: number;
  callEveryMinutes: number;
  drainHours: number;
  serviceFactor: number;
  json: boolean;
  svg: string | null;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run simulate -- [options]
  --day YYYY-MM-DD     the peak day to replay (default 2021-12-20)
  --trucks N           trucks wishing to arrive over the day (default 4550; 10 … 20000)
  --metering on|off|both   run with metering, without, or both one after the other (default both)
  --seed N             the arrivals and the fleet (default 1): the same seed, the same day
  --database-url URL   the scratch database, dropped and recreated by each run (default
                       postgres://postgres@127.0.0.1:5432/border_gate_sim; its name must contain "sim");
                       with both modes, each has its own: the name with _off and _on added
  --redis-url URL      Redis, which the service's modules connect to (default redis://127.0.0.1:6379/7; nothing is queued)
  --step M             simulated minutes per step (default 5; 1 … 30)
  --call-every M       minutes between two runs of the call forward (default 5; at least the step)
  --drain-hours H      hours after the day the run may go on while trucks still wait (default 72; 0 … 336)
  --service-factor F   scales the gates: their standing hourly capacity (both their service rate and the
                       slots they offer; default 1: 2,160 trucks a day at the two gates, 07:00–22:00), their
                       yards and the regulation yards
  --json               print one JSON document (hours and summary per mode) instead of the tables
  --svg FILE           also write the comparison chart (needs --metering both)
  --help`;

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!/^\d[\d_]*$/.test(raw) || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: must be a whole number from ${min} to ${max}, got ${raw}`);
  }
  return value;
}

/** Parses the simulation's command line (without `node main.js`). Throws UsageError with a message for people. */
export function parseSimulateArgs(argv: readonly string[]): SimulateOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        day: { type: 'string' },
        trucks: { type: 'string' },
        metering: { type: 'string' },
        seed: { type: 'string' },
        'database-url': { type: 'string' },
        'redis-url': { type: 'string' },
        step: { type: 'string' },
        'call-every': { type: 'string' },
        'drain-hours': { type: 'string' },
        'service-factor': { type: 'string' },
        json: { type: 'boolean', default: false },
        svg: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const day = v.day ?? '2021-12-20';
  try {
    localMidnight(day);
  } catch {
    throw new UsageError(`--day: must be a day as YYYY-MM-DD, got ${day}`);
  }
  const metering = (v.metering ?? 'both') as MeteringChoice;
  if (!['on', 'off', 'both'].includes(metering)) {
    throw new UsageError(`--metering: must be on, off or both, got ${v.metering}`);
  }
  const databaseUrl = v['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/border_gate_sim';
  const dbName = /^postgres(?:ql)?:\/\/[^/]*\/([\w-]+)(?:\?.*)?$/.exec(databaseUrl)?.[1];
  if (!dbName) throw new UsageError('--database-url: must be a postgres:// URL ending in a database name');
  if (!dbName.includes('sim')) {
    throw new UsageError(`--database-url: the database name must contain "sim" (each run drops it), got ${dbName}`);
  }
  const stepMinutes = whole('step', v.step, 5, 1, 30);
  const serviceFactor = v['service-factor'] === undefined ? 1 : Number(v['service-factor']);
  if (!Number.isFinite(serviceFactor) || serviceFactor <= 0 || serviceFactor > 5) {
    throw new UsageError(`--service-factor: must be a number above 0 and at most 5, got ${v['service-factor']}`);
  }
  if (v.svg !== undefined && metering !== 'both') throw new UsageError('--svg: needs --metering both');
  return {
    day,
    trucks: whole('trucks', v.trucks, 4550, 10, 20_000),
    metering,
    seed: whole('seed', v.seed, 1, 0, 2 ** 31 - 1),
    databaseUrl,
    redisUrl: v['redis-url'] ?? 'redis://127.0.0.1:6379/7',
    stepMinutes,
    callEveryMinutes: whole('call-every', v['call-every'], Math.max(5, stepMinutes), stepMinutes, 60),
    drainHours: whole('drain-hours', v['drain-hours'], 72, 0, 336),
    serviceFactor,
    json: v.json ?? false,
    svg: v.svg ?? null,
    help: v.help ?? false,
  };
}
