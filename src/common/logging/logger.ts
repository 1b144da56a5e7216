import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/**
 * One JSON logger for the process. Field names that could carry identity numbers, phone numbers
 * or secrets are redacted wherever they appear, as a second line of defence: code never logs bodies.
 */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["idempotency-key"]',
          '*.documentNumber',
          '*.phone',
          '*.apiKey',
          '*.password',
          'body',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd, sync: false }),
  );
}

/** Nest's own messages (bootstrap, lifecycle) through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
