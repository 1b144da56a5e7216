import type { Job } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';

/**
 * Runs a job's handler so that every line logged while it runs, by any service through `PinoLogger`,
 * carries the queue, the job's name and its id (an async-local logging context, like a request's).
 */
export function runWithJobLogContext<T>(logger: PinoLogger, job: Job, fn: () => Promise<T>): Promise<T> {
  return logger.runInContext(fn, { bindings: { queue: job.queueName, job: job.name, jobId: job.id } });
}

/**
 * Runs the rest of a request (guards, pipes, handler, services) so that every line logged through `PinoLogger`
 * carries its id under the key Fastify's own request line uses.
 */
export function runWithRequestLogContext<T>(logger: PinoLogger, requestId: string, fn: () => T): T {
  return logger.runInContext(fn, { bindings: { reqId: requestId } });
}
