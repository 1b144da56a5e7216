import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePorts, type Managed, start, stop, waitReady } from './processes.js';

export interface ServiceOptions {
  repoRoot: string;
  databaseUrl: string;
  redisUrl: string;
  api: number;
  workers: number;
  logLevel: string;
  cpuProf: boolean;
  logDir: string;
  profileDir: string;
}

export interface RunningService {
  apis: Managed[];
  workers: Managed[];
  apiUrls: string[];
  env: Record<string, string>;
}

/**
 * Queue and rate-limit keys of the bench, apart from any other use of the same Redis, and one prefix per
 * bench database, so that jobs left by a run on one database never reach a worker of another.
 */
export function benchQueuePrefix(databaseUrl: string): string {
  return databaseUrl
    .replace(/\?.*$/, '')
    .replace(/^.*\//, '')
    .replace(/[^\w-]/g, '_')
    .slice(0, 32);
}
/** High enough that one load address is never throttled; the limiter itself stays on (0 would turn it off). */
export const BENCH_RATE_LIMIT_PER_MIN = 1_000_000;

/** The environment of every service process: production, loopback only, the bench database. */
export function serviceEnv(o: ServiceOptions, secret: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: o.logLevel,
    DATABASE_URL: o.databaseUrl,
    // Migrations ran once before start (as the production migrate step does).
    DATABASE_MIGRATE_ON_START: 'false',
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: benchQueuePrefix(o.databaseUrl),
    RATE_LIMIT_PUBLIC_PER_MIN: String(BENCH_RATE_LIMIT_PER_MIN),
    RATE_LIMIT_COMPANY_PER_MIN: String(BENCH_RATE_LIMIT_PER_MIN),
    AUTH_TOKEN_SECRET: secret,
  };
}

/** Starts the workers, then the API processes, as production runs them; waits until /health says ready. */
export async function startService(o: ServiceOptions): Promise<RunningService> {
  const secret = randomBytes(32).toString('base64url');
  const env = serviceEnv(o, secret);
  const ports = await freePorts(o.api + o.workers);
  const main = join(o.repoRoot, 'dist/src/main.js');
  const workers: Managed[] = [];
  const apis: Managed[] = [];
  for (let i = 0; i < o.workers; i++) {
    workers.push(
      start(`worker ${i + 1}`, process.execPath, [main], {
        cwd: o.repoRoot,
        env: { ...env, APP_ROLE: 'worker', WORKER_METRICS_PORT: String(ports[o.api + i]) },
        logFile: join(o.logDir, `worker-${i + 1}.log`),
      }),
    );
  }
  for (let i = 0; i < o.api; i++) {
    const nodeArgs = o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
    apis.push(
      start(`api ${i + 1}`, process.execPath, [...nodeArgs, main], {
        cwd: o.repoRoot,
        env: { ...env, APP_ROLE: 'api', PORT: String(ports[i]), WORKER_METRICS_PORT: '0', METRICS_PORT: '0' },
        logFile: join(o.logDir, `api-${i + 1}.log`),
      }),
    );
  }
  const apiUrls = ports.slice(0, o.api).map((p) => `http://127.0.0.1:${p}`);
  await Promise.all(
    apis.map((api, i) =>
      waitReady(
        api,
        `${apiUrls[i]}/health`,
        (status, body) => {
          if (status !== 200) return false;
          const health = JSON.parse(body) as { checks?: { worker?: { workersAlive?: number } } };
          return (health.checks?.worker?.workersAlive ?? 0) >= o.workers;
        },
        90_000,
      ),
    ),
  );
  for (const w of workers) {
    if (w.child.exitCode !== null) throw new Error(`${w.name} exited while starting; see ${w.logFile}`);
  }
  return { apis, workers, apiUrls, env };
}

/** SIGTERM and wait: API processes first (they finish their requests), then the workers. */
export async function stopService(s: RunningService): Promise<void> {
  await Promise.all(s.apis.map((p) => stop(p)));
  await Promise.all(s.workers.map((p) => stop(p)));
}

/**
 * Runs `work` with every worker process stopped (SIGSTOP) and resumes them (SIGCONT) afterwards, also on
 * failure. Meanwhile submissions wait in the outbox, as they would while workers run on other machines that
 * fall behind; keep `work` well under BullMQ's 30 s job lock so that no job is taken as stalled.
 */
export async function whileWorkersPaused<T>(s: RunningService, work: () => Promise<T>): Promise<T> {
  for (const w of s.workers) process.kill(w.pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    for (const w of s.workers) process.kill(w.pid, 'SIGCONT');
  }
}
