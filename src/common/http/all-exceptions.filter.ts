import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorLanguage } from './error-language.js';
import { BUSY_RETRY_AFTER_SECONDS, toErrorBody } from './to-error-body.js';

/** Registered as APP_FILTER: every error leaving a route has the one public shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, unexpected } = toErrorBody(exception, String(request.id), errorLanguage(request, reply));
    if (unexpected) request.log.error({ err: exception }, 'unhandled error');
    if (body.code === 'SERVICE.UNAVAILABLE') {
      request.log.warn({ err: exception }, 'database busy or unreachable; answered 503');
      void reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
