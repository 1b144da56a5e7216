import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';

/** Every child the bench started and has not seen exit; killed on Ctrl-C, on an error, and at the end. */
const running = new Map<ChildProcess, string>();

export function track(child: ChildProcess, name: string): () => void {
  running.set(child, name);
  const untrack = (): void => void running.delete(child);
  child.once('exit', untrack);
  return untrack;
}

export interface Managed {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a process with stdout and stderr appended to `logFile` (or discarded). */
export function start(
  name: string,
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; logFile: string | null },
): Managed {
  const fd = options.logFile ? openSync(options.logFile, 'a') : null;
  const stdio: SpawnOptions['stdio'] = ['ignore', fd ?? 'ignore', fd ?? 'ignore'];
  const child = spawn(command, [...args], { env: options.env, cwd: options.cwd, stdio });
  if (fd !== null) closeSync(fd);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  track(child, name);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { name, child, pid: child.pid, logFile: options.logFile, exited };
}

/** SIGTERM, then wait (graceful shutdown); SIGKILL after `graceMs`. */
export async function stop(
  p: Managed,
  graceMs = 30_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  try {
    return await p.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Kills whatever is still running (Ctrl-C, errors): SIGTERM, then SIGKILL after a few seconds. */
export async function killAll(graceMs = 5_000): Promise<void> {
  const children = [...running.keys()];
  if (children.length === 0) return;
  for (const c of children) c.kill('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && children.some((c) => c.exitCode === null && c.signalCode === null)) {
    await sleep(100);
  }
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

export function runningNames(): string[] {
  return [...running.values()];
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Distinct free ports. */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** Polls `url` until `ready(status, body)` says so; fails early if the process exits. */
export async function waitReady(
  p: Managed | null,
  url: string,
  ready: (status: number, body: string) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (p && (p.child.exitCode !== null || p.child.signalCode !== null)) {
      throw new Error(`${p.name} exited (${p.child.exitCode ?? p.child.signalCode}) while starting${tailHint(p)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      if (ready(res.status, body)) return;
      last = `${res.status} ${body.slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${p?.name ?? url} not ready after ${timeoutMs} ms (last: ${last})${p ? tailHint(p) : ''}`);
}

function tailHint(p: Managed): string {
  if (!p.logFile) return '';
  try {
    const lines = readFileSync(p.logFile, 'utf8').trimEnd().split('\n').slice(-15);
    return `\n--- last lines of ${p.logFile} ---\n${lines.join('\n')}`;
  } catch {
    return '';
  }
}

/** Resident set size now and its peak (VmRSS, VmHWM) from /proc/<pid>/status, in bytes; null when gone. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Runs a command to completion; rejects with its output on a non-zero exit. */
export function runToEnd(
  name: string,
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const untrack = track(child, name);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (options.echo) process.stderr.write(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (options.echo) process.stderr.write(c);
    });
    child.on('error', (error) => {
      untrack();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      untrack();
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new Error(
            `${name} failed (${signal ?? code}):\n${(stderr || stdout).trimEnd().split('\n').slice(-20).join('\n')}`,
          ),
        );
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
