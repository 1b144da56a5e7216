import 'reflect-metadata';
import { getPriority, setPriority } from 'node:os';
import type { AppConfig } from './config/app-config.js';
import { failureMessage, loadSettingsOrExit } from './config/entry-point.js';
import type { Logger } from 'pino';
import { createLogger } from './common/logging/logger.js';
import { createHttpApp, createWorkerContext } from './http-app.js';
import { startWorkerMetricsServer } from './modules/metrics/worker-metrics.server.js';

// Longer than any job or request should take to finish; shorter than the 30 s an orchestrator waits before SIGKILL.
const SHUTDOWN_GRACE_MS = 25_000;

/** A shutdown hook that never returns must not keep a stopping process alive: exit anyway, and say so. */
function forceExitAfterGrace(logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error({ signal, graceMs: SHUTDOWN_GRACE_MS }, 'graceful shutdown did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}

/** Lowers this process's CPU priority (the main thread, where the jobs' JavaScript runs, and threads it starts). */
function lowerPriority(nice: number, logger: Logger): void {
  if (nice === 0) return;
  try {
    setPriority(Math.max(getPriority(), nice));
  } catch (error) {
    // A container may forbid it; the worker still works, only without yielding to the API.
    logger.warn({ err: error, nice }, 'could not lower the worker process priority');
  }
}

async function main(config: AppConfig, notices: string[]): Promise<void> {
  const logger = createLogger(config.app.logLevel);
  forceExitAfterGrace(logger);
  for (const notice of notices) logger.warn(notice);
  if (config.app.role === 'worker') {
    lowerPriority(config.worker.nice, logger);
    await createWorkerContext(config, logger);
    // No HTTP app here: job and process metrics get their own /metrics (API processes serve theirs).
    if (config.worker.metricsPort > 0)
      await startWorkerMetricsServer(config.worker.metricsPort, config.app.host, logger);
    logger.info({ role: config.app.role }, 'worker started');
    return;
  }
  const app = await createHttpApp(config, logger);
  await app.listen({ port: config.app.port, host: config.app.host });
  logger.info(
    { role: config.app.role, port: config.app.port },
    `listening on http://${config.app.host}:${config.app.port} (docs at /api/docs)`,
  );
}

const notices: string[] = [];
const config = loadSettingsOrExit((notice) => notices.push(notice));
main(config, notices).catch((error: unknown) => {
  process.stderr.write(`start-up failed: ${failureMessage(error, config)}\n`);
  process.exit(1);
});
