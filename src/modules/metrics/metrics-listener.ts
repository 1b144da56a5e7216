import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';

/** Where a listener's text comes from: the API's MetricsService, or a worker's process registry. */
export interface MetricsSource {
  render(): Promise<string>;
  readonly contentType: string;
}

/**
 * A minimal server for Prometheus, apart from the API port: GET /metrics and nothing else, no token (bind it to
 * a private address). Resolves to null (logged) when the port cannot be bound: the process keeps working
 * without metrics rather than not at all.
 */
export function startMetricsListener(
  port: number,
  host: string,
  source: MetricsSource,
  logger: Logger,
): Promise<Server | null> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    source.render().then(
      (text) => response.writeHead(200, { 'content-type': source.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, 'cannot render metrics');
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n');
      },
    );
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      logger.error({ err: error, port }, 'metrics listener cannot listen; running without /metrics');
      resolve(null);
    });
    server.listen(port, host, () => {
      server.unref(); // never what keeps a stopping process alive
      logger.info({ port, host }, 'metrics on /metrics');
      resolve(server);
    });
  });
}
