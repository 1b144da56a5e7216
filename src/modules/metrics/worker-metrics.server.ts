import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { processRegistry } from './process-metrics.js';

/**
 * A worker-only process has no HTTP app, so its job and Node metrics get this minimal server: GET /metrics
 * and nothing else. Resolves to null (logged) when the port cannot be bound: the worker keeps working
 * without metrics rather than not at all.
 */
export function startWorkerMetricsServer(port: number, host: string, logger: Logger): Promise<Server | null> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    processRegistry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': processRegistry.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, 'cannot render worker metrics');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n');
      },
    );
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      logger.error({ err: error, port }, 'worker metrics server cannot listen; running without /metrics');
      resolve(null);
    });
    server.listen(port, host, () => {
      server.unref(); // never what keeps a stopping worker alive
      logger.info({ port }, 'worker metrics on /metrics');
      resolve(server);
    });
  });
}
