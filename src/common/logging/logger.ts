import type { DynamicModule } from '@nestjs/common';
import { Logger as NestPinoLogger, LoggerModule, type Params, PinoLogger } from 'nestjs-pino';
import { type DestinationStream, pino, type Logger } from 'pino';

/**
 * One JSON logger for the process. Field names that could carry identity numbers, phone numbers
 * or secrets are redacted wherever they appear, as a second line of defence: code never logs bodies.
 */
export function createLogger(level: string, destination: 1 | 2 | DestinationStream = 1): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["idempotency-key"]',
          'res.headers["set-cookie"]',
          '*.documentNumber',
          '*.phone',
          '*.apiKey',
          '*.password',
          'body',
        ],
        censor: '[redacted]',
      },
    },
    typeof destination === 'number' ? pino.destination({ fd: destination, sync: false }) : destination,
  );
}

/**
 * nestjs-pino over `logger`, without its HTTP middleware: Fastify writes the one line per request, and
 * http-app.ts binds the request context in a preHandler hook instead: a context entered in the middleware
 * (Fastify's onRequest, before the body is read) did not reach the handlers.
 */
function loggerParams(logger: Logger): Params {
  return { pinoHttp: { logger }, useExisting: true, forRoutes: [] };
}

/** `PinoLogger` / `@InjectPinoLogger()` for every service, carrying the request's or the job's id. */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot(loggerParams(logger));
}

/**
 * Nest's own messages (bootstrap, lifecycle) through the same JSON logger. Given at creation instead of
 * `bufferLogs` + `useLogger`: a failed start would flush the buffer through Nest's console logger to stdout.
 */
export function nestLogger(logger: Logger): NestPinoLogger {
  const params = loggerParams(logger);
  return new StartFailureQuietLogger(new PinoLogger(params), params);
}

/**
 * Nest's ExceptionHandler logs a failed start with its stack before rethrowing it; the entry points (main,
 * migrate, cli) report it themselves in one line that says what to fix, so the copy is left out.
 */
class StartFailureQuietLogger extends NestPinoLogger {
  override error(message: unknown, ...optionalParams: unknown[]): void {
    if (optionalParams.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...optionalParams);
  }
}
