import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TEST_AUTH_TOKEN_SECRET,
  TEST_DATABASE_URL,
  TEST_LOGIN_LIMITS,
  TEST_METRICS_TOKEN,
  testQueuePrefix,
} from './test-env.js';

// Audit checkpoints of the services and commands this test file runs, never those of another file's database.
const checkpointDir = mkdtempSync(join(tmpdir(), 'border-gate-checkpoints-'));

export function baseEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: testQueuePrefix(),
    AUTH_TOKEN_SECRET: TEST_AUTH_TOKEN_SECRET,
    ...TEST_LOGIN_LIMITS,
    LOG_LEVEL: 'warn',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    METRICS_PORT: '0', // parallel services would fight over one port; tests that need it choose a free one
    AUDIT_CHECKPOINT_DIR: checkpointDir,
    ...overrides,
  };
}

/** Runs `npm run cli -- …` the way an operator does, through the built entry point. */
export function cli(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/src/cli.js', ...args], { env: baseEnv(env), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningService {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then the exit: Nest re-raises the signal after a clean shutdown, so `signal` is SIGTERM and `code` null. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built service (`node dist/src/main.js`) as production does, and waits for /health to answer. */
export async function startService(env: Record<string, string> = {}): Promise<RunningService> {
  // A port free a moment ago can be taken meanwhile (an outgoing connection's ephemeral port): try another.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(env, await freePort());
    } catch (error) {
      if (attempt === 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

/** A port nothing listens on right now, as the kernel hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startOnce(env: Record<string, string>, port: number): Promise<RunningService> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: baseEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  // A worker has no HTTP server: it is ready when it says so (at log level info).
  const ready = (): Promise<boolean> =>
    env.APP_ROLE === 'worker'
      ? Promise.resolve(output.includes('"msg":"worker started"'))
      : fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        );
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`service exited early (${child.exitCode}):\n${output}`);
    if (await ready()) break;
    if (i === 300) throw new Error(`service not ready after 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      // Never let a stuck child hold the suite: after 30 s it is killed, and the result says so.
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
