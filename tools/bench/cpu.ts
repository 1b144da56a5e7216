import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from './db.js';
import type { LoadResult } from './load/protocol.js';

/**
 * Where the machine's CPU went during one measured load: milliseconds of CPU time (user + system, all threads)
 * per group of processes, and how busy the whole machine was. Divided by the requests answered it says what
 * one request costs each part — the service or the floor, PostgreSQL, Redis, the load generator — which a
 * throughput ratio alone cannot.
 */
export interface CpuUse {
  /**
   * CPU milliseconds per group: the bench's own processes by role (`api`, `worker`, `floor`), PostgreSQL
   * backends by application when known (`pg:api`, `pg:worker`, `pg:bench`) and otherwise `postgres` (the
   * floor's, and PostgreSQL's own processes), `redis`, `load`, `bench`, `kernel`, `other`.
   */
  ms: Record<string, number>;
  /** Busy share of all cores over the window, 0..1. */
  machineBusy: number;
  cores: number;
  seconds: number;
}

// USER_HZ: the unit of /proc times; 100 on every Linux this runs on.
const TICK_MS = 10;
const SAMPLE_MS = 250;

interface ProcessTicks {
  ticks: number;
  group: string;
}

/** The group a process belongs to: a named role of the bench, else what its command line says it is. */
export function groupOf(
  pid: number,
  stat: { comm: string; kernelThread: boolean },
  cmdline: string,
  roles: ReadonlyMap<number, string>,
): string {
  const role = roles.get(pid);
  if (role) return role;
  if (stat.kernelThread) return 'kernel';
  const comm = stat.comm;
  if (comm === 'postgres' || cmdline.startsWith('postgres:')) return 'postgres';
  if (comm.startsWith('redis-server')) return 'redis';
  if (cmdline.includes('/tools/bench/load/')) return 'load';
  if (cmdline.includes('/tools/bench/main.js')) return 'bench';
  return 'other';
}

// PF_KTHREAD in the flags field: kernel threads (softirq work for loopback traffic shows up there).
const PF_KTHREAD = 0x00200000;

/** utime + stime, the command name and whether it is a kernel thread, from /proc/<pid>/stat. */
export function parseStat(stat: string): { comm: string; ticks: number; kernelThread: boolean } | null {
  // The name is in parentheses and may itself hold spaces and parentheses.
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = stat.slice(close + 2).split(' '); // fields[0] is field 3 (state); flags is 9, utime 14, stime 15
  const flags = Number(fields[6]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (![flags, utime, stime].every(Number.isFinite)) return null;
  return { comm: stat.slice(open + 1, close), ticks: utime + stime, kernelThread: (flags & PF_KTHREAD) !== 0 };
}

/** Every process's CPU ticks; a pid seen before keeps its group (an exiting process has no command line). */
function readProcesses(
  roles: ReadonlyMap<number, string>,
  known?: ReadonlyMap<number, ProcessTicks>,
): Map<number, ProcessTicks> {
  const out = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const parsed = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (!parsed) continue;
      const group =
        known?.get(pid)?.group ??
        groupOf(pid, parsed, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(), roles);
      out.set(pid, { ticks: parsed.ticks, group });
    } catch {
      // gone between the listing and the read
    }
  }
  return out;
}

/** [busy, total] jiffies of all cores from /proc/stat (idle and iowait are not busy). */
function machineTicks(): [number, number] {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return [total - idle, total];
}

/**
 * Samples every process's CPU time each second from start to stop. A process that exits meanwhile counts up
 * to its last sample; one that starts meanwhile counts from zero.
 */
export class CpuMeter {
  private readonly baseline: Map<number, ProcessTicks>;
  private readonly last: Map<number, ProcessTicks>;
  private readonly machineStart: [number, number];
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly roles: ReadonlyMap<number, string>) {
    this.baseline = readProcesses(roles);
    this.last = new Map(this.baseline);
    this.machineStart = machineTicks();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  private sample(): void {
    for (const [pid, p] of readProcesses(this.roles, this.last)) this.last.set(pid, p);
  }

  stop(): CpuUse {
    clearInterval(this.timer);
    this.sample();
    const ms: Record<string, number> = {};
    for (const [pid, p] of this.last) {
      const delta = (p.ticks - (this.baseline.get(pid)?.ticks ?? 0)) * TICK_MS;
      if (delta > 0) ms[p.group] = (ms[p.group] ?? 0) + delta;
    }
    const [busyEnd, totalEnd] = machineTicks();
    const total = totalEnd - this.machineStart[1];
    return {
      ms,
      machineBusy: total > 0 ? (busyEnd - this.machineStart[0]) / total : 0,
      cores: readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm)?.length ?? 1,
      seconds: (Date.now() - this.started) / 1000,
    };
  }
}

/** Roles by pid from the bench's named processes: `api-1`, `api-2` → `api`; `worker-1` → `worker`; `floor`. */
export function rolesOf(processes: readonly { name: string; pid: number }[]): Map<number, string> {
  return new Map(processes.map((p) => [p.pid, p.name.replace(/[\s-]\d+$/, '')]));
}

/**
 * PostgreSQL backends by the application that holds them (`application_name` border-gate-api → `pg:api`, …),
 * so the database's CPU splits into what the API's statements cost and what the worker's background work did.
 */
export async function backendRoles(db: Pool): Promise<Map<number, string>> {
  const backends = await db.query<{ pid: number; app: string }>(
    `SELECT pid, substr(application_name, length('border-gate-') + 1) AS app FROM pg_stat_activity
      WHERE datname = current_database() AND application_name LIKE 'border-gate-%'`,
  );
  return new Map(backends.rows.map((b) => [b.pid, `pg:${b.app}`]));
}

/**
 * Runs one measured load with the CPU meter around it and adds what it saw to the result. With `db`, the
 * database's backends are told apart by application (their pools are open from the warm-up on).
 */
export async function withCpu(
  roles: ReadonlyMap<number, string>,
  run: () => Promise<LoadResult>,
  db?: Pool,
): Promise<LoadResult> {
  const meter = new CpuMeter(db ? new Map([...roles, ...(await backendRoles(db))]) : roles);
  try {
    const result = await run();
    return { ...result, cpu: meter.stop() };
  } catch (error) {
    meter.stop();
    throw error;
  }
}

/** CPU milliseconds per answered request, per group, largest first, with the total. */
export function cpuPerRequest(result: LoadResult): { perRequest: [string, number][]; total: number } | null {
  if (!result.cpu || result.completed === 0) return null;
  const perRequest = Object.entries(result.cpu.ms)
    .map(([group, ms]): [string, number] => [group, ms / result.completed])
    .sort((a, b) => b[1] - a[1]);
  return { perRequest, total: perRequest.reduce((sum, [, v]) => sum + v, 0) };
}

/** `CPU per request: api 0.95 ms, postgres 1.02 ms, … = 2.53 ms; machine 99% busy`. */
export function cpuLine(result: LoadResult): string | null {
  const per = cpuPerRequest(result);
  if (!per || !result.cpu) return null;
  const parts = per.perRequest.filter(([, v]) => v >= 0.005).map(([g, v]) => `${g} ${v.toFixed(2)}`);
  return `CPU ms per request: ${parts.join(', ')} = ${per.total.toFixed(2)}; machine ${(100 * result.cpu.machineBusy).toFixed(0)}% busy of ${result.cpu.cores} cores`;
}
