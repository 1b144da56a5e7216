import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';

/**
 * Stops an API process without resetting anyone's connection. Keep-alive clients are told to go
 * (`Connection: close` on every answer) while the port still takes requests; only then does the server stop
 * accepting, closing the connections left idle with a clean FIN and waiting for the requests still running.
 */
export class HttpDrain {
  private draining = false;

  constructor(private readonly fastify: FastifyInstance) {
    fastify.addHook('onSend', async (request, reply) => {
      if (this.draining && request.raw.httpVersionMajor === 1) void reply.header('connection', 'close');
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Resolves once every connection has ended; the Nest app (database, queues) is still open meanwhile. */
  async drain(graceMs: number): Promise<void> {
    this.draining = true;
    // A client that just got an answer may be writing its next request on that socket; closing it now would
    // reset that request. After the grace, every busy client has been answered with `Connection: close`.
    await sleep(graceMs);
    await new Promise<void>((resolve) => {
      this.fastify.server.close(() => resolve());
      this.fastify.server.closeIdleConnections();
    });
  }
}
