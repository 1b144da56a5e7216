import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { one, type Pool } from './db.js';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  os: string;
  date: string;
  commit: string;
  dirty: boolean;
  command: string;
  /** 1, 5 and 15-minute load averages when the run started: other work on the machine skews the numbers. */
  loadAverage: number[];
}

export async function machineInfo(db: Pool, repoRoot: string, command: string): Promise<MachineInfo> {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const pg = await one<{ v: string }>(db, "SELECT current_setting('server_version') AS v");
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: pg?.v ?? 'unknown',
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short=12', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    command,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}
