import { cpuLine, cpuPerRequest, groupOf, parseStat, rolesOf } from './cpu.js';
import type { LoadResult } from './load/protocol.js';

describe('bench CPU accounting', () => {
  it('reads utime + stime and the name from /proc/<pid>/stat, also when the name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const stat = '4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 269 0 0 20 0 1 0 5000';
    expect(parseStat(stat)).toEqual({ comm: 'postgres: a (b) c', ticks: 1000, kernelThread: false });
    const kworker = '77 (kworker/0:1) I 2 0 0 0 -1 69238880 0 0 0 0 12 30 0 0 20 0 1 0 5';
    expect(parseStat(kworker)).toMatchObject({ ticks: 42, kernelThread: true });
    expect(parseStat('garbage')).toBeNull();
  });

  it('groups processes by the bench role first, then by what they are', () => {
    const roles = rolesOf([
      { name: 'api-1', pid: 10 },
      { name: 'api-2', pid: 11 },
      { name: 'worker-1', pid: 12 },
      { name: 'floor', pid: 13 },
    ]);
    const node = { comm: 'node', kernelThread: false };
    const group = (pid: number, comm: string, cmdline: string, kernelThread = false): string =>
      groupOf(pid, { comm, kernelThread }, cmdline, roles);
    expect([10, 11, 12, 13].map((pid) => groupOf(pid, node, 'node dist/src/main.js', roles))).toEqual([
      'api',
      'api',
      'worker',
      'floor',
    ]);
    expect(group(20, 'postgres', 'postgres: 15/main: postgres bench 127.0.0.1(1) idle')).toBe('postgres');
    expect(group(21, 'redis-server', 'redis-server 127.0.0.1:6379')).toBe('redis');
    expect(group(22, 'node', '/usr/bin/node /r/dist-tools/tools/bench/load/child.js')).toBe('load');
    expect(group(23, 'node', 'node /r/dist-tools/tools/bench/main.js')).toBe('bench');
    expect(group(24, 'kworker/0:1', '', true)).toBe('kernel');
    expect(group(25, 'node', 'node /somewhere/else.js')).toBe('other');
    expect(group(26, 'node', '')).toBe('other'); // an exiting process has no command line; it is not the kernel
  });

  it('divides each group by the requests answered, largest first, with the total', () => {
    const result = {
      completed: 1000,
      cpu: { ms: { api: 900, postgres: 1100, load: 150 }, machineBusy: 0.97, cores: 2, seconds: 15 },
    } as unknown as LoadResult;
    expect(cpuPerRequest(result)).toEqual({
      perRequest: [
        ['postgres', 1.1],
        ['api', 0.9],
        ['load', 0.15],
      ],
      total: 2.15,
    });
    expect(cpuLine(result)).toBe(
      'CPU ms per request: postgres 1.10, api 0.90, load 0.15 = 2.15; machine 97% busy of 2 cores',
    );
    expect(cpuPerRequest({ completed: 0 } as LoadResult)).toBeNull();
  });
});
