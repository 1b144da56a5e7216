import 'reflect-metadata';
import { getPriority, setPriority } from 'node:os';
import { type AppConfig, Environment } from './config/app-config.js';
import { failureMessage, loadSettingsOrExit } from './config/entry-point.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { HttpDrain } from './common/http/http-drain.js';
import { createLogger } from './common/logging/logger.js';
import { createHttpApp, createWorkerContext } from './http-app.js';
import { startMetricsListener } from './modules/metrics/metrics-listener.js';
import { MetricsService } from './modules/metrics/metrics.service.js';
import { processRegistry } from './modules/metrics/process-metrics.js';

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

/**
 * On SIGTERM/SIGINT: drain HTTP first (the database and queues still serve the last requests), then close the
 * app, then re-raise the signal as Nest's own shutdown hooks do.
 */
function shutDownOnSignal(app: NestFastifyApplication, drain: HttpDrain, graceMs: number, logger: Logger): void {
  const stop = (signal: NodeJS.Signals): void => {
    process.removeListener('SIGTERM', stop).removeListener('SIGINT', stop);
    logger.info({ signal, graceMs }, 'draining HTTP connections before shutdown');
    drain
      .drain(graceMs)
      .then(() => app.close())
      .then(
        () => process.kill(process.pid, signal),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop).on('SIGINT', stop);
}

async function main(config: AppConfig): Promise<void> {
  const logger = createLogger(config.app.logLevel);
  forceExitAfterGrace(logger);
  if (config.auth.tokenSecret === new Environment().AUTH_TOKEN_SECRET) {
    logger.warn('AUTH_TOKEN_SECRET is the development default: set a long random value in production');
  }
  if (config.app.role === 'worker') {
    lowerPriority(config.worker.nice, logger);
    const worker = await createWorkerContext(config, logger);
    worker.enableShutdownHooks();
    // No HTTP app here: job and process metrics get their own /metrics (API processes serve theirs).
    if (config.worker.metricsPort > 0) {
      const source = { render: () => processRegistry.metrics(), contentType: processRegistry.contentType };
      await startMetricsListener(config.worker.metricsPort, config.metrics.host, source, logger);
    }
    logger.info({ role: config.app.role }, 'worker started');
    return;
  }
  const app = await createHttpApp(config, logger);
  const drain = new HttpDrain(app.getHttpAdapter().getInstance());
  await app.listen({ port: config.app.port, host: config.app.host });
  shutDownOnSignal(app, drain, config.app.drainGraceMs, logger);
  if (config.metrics.port > 0) {
    await startMetricsListener(config.metrics.port, config.metrics.host, app.get(MetricsService), logger);
  }
  if (config.app.trustProxy === true) {
    logger.warn("HTTP_TRUST_PROXY=true believes any client's X-Forwarded-For: name your proxies or their hop count");
  }
  logger.info(
    { role: config.app.role, port: config.app.port },
    `listening on http://${config.app.host}:${config.app.port} (docs at /api/docs)`,
  );
}

const config = loadSettingsOrExit();
main(config).catch((error: unknown) => {
  process.stderr.write(`start-up failed: ${failureMessage(error, config)}\n`);
  process.exit(1);
});
