import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { nestLogger } from './common/logging/logger.js';
import { runWithRequestLogContext } from './common/logging/log-context.js';
import { answerClientErrors } from './common/http/client-error-handler.js';
import { errorLanguage } from './common/http/error-language.js';
import { addSecurityHeaders } from './common/http/security-headers.js';
import { acceptOnlyUtf8Json } from './common/http/utf8-json-parser.js';
import { toErrorBody } from './common/http/to-error-body.js';
import { COMPANY_SESSION_COOKIE } from './modules/companies/company-session.cookie.js';
import { MetricsService } from './modules/metrics/metrics.service.js';
import { countRedisOutages } from './modules/metrics/process-metrics.js';
import { QueueBoardAuth } from './modules/queue-board/queue-board-auth.service.js';
import { mountQueueBoard } from './modules/queue-board/queue-board.js';
import { QueueRegistry } from './modules/queue/queue-registry.service.js';
import { RedisOutage } from './modules/queue/redis-outage.service.js';
import { RateLimiter } from './modules/rate-limit/rate-limiter.service.js';
import { mountWebPages } from './modules/web/web-pages.js';

const REQUEST_ID = /^[\w-]{1,64}$/;

/** Fastify's `trustProxy` from HTTP_TRUST_PROXY; a hop count becomes the function proxy-addr would build from it. */
function trustedProxies(
  setting: AppConfig['app']['trustProxy'],
): boolean | string[] | ((_: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

export interface HttpAppOptions {
  /**
   * Serve the Swagger UI pages at /api/docs (the JSON at /api/docs-json is always served). Jest on Node 20
   * cannot load @fastify/static's ESM-only dependency, so in-process tests turn it off; the spawned-process
   * test checks the UI.
   */
  swaggerUi?: boolean;
  /**
   * Serve Bull Board at /admin/queues (its login and auth hook are always on). It loads @fastify/static as
   * well, so it follows swaggerUi unless set.
   */
  queueBoardUi?: boolean;
  /** Serve the web pages (dist/web) at /, /company, /officer and /assets/; follows swaggerUi unless set. */
  webPages?: boolean;
}

/** Builds the API exactly as production runs it; tests call this too. */
export async function createHttpApp(
  config: AppConfig,
  logger: Logger,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Our onResponse hook writes one line per request instead (route pattern, no raw URL).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.app.bodyLimitBytes,
    // request.ip from X-Forwarded-For (rate limits per client address): only behind a proxy that sets it.
    trustProxy: trustedProxies(config.app.trustProxy),
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Requests Node's HTTP parser refuses (bad request line, header too large…) never reach Fastify's routing.
    clientErrorHandler: answerClientErrors(logger),
    // Malformed percent-encoding, over-long path parameters: answered in our error shape, not Fastify's.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const { body } = toErrorBody(error, String(request.id), errorLanguage(request, reply));
      void reply.status(body.statusCode).header('x-request-id', request.id).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRole(config, logger), adapter, {
    logger: nestLogger(logger),
    abortOnError: false, // start-up errors reach main(), which reports them and exits
    bodyParser: false, // Nest would add a urlencoded parser; this API takes JSON only
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Fastify's own parsers: JSON (UTF-8 only), no text/plain, so any other media type is a 415.
  fastify.removeContentTypeParser('text/plain');
  acceptOnlyUtf8Json(fastify);
  await addSecurityHeaders(fastify);
  // No CORS headers at all unless origins are listed; credentials (the portal cookie) only for those.
  if (config.app.corsOrigins.length > 0) {
    const listed = new Set(config.app.corsOrigins);
    const forListed = {
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after', 'content-language'],
      maxAge: 600,
    };
    app.enableCors({
      // @fastify/cors would send Allow-Credentials to any origin; an unlisted one gets no CORS header at all.
      delegator: (request: FastifyRequest, answer) => {
        const origin = request.headers.origin;
        answer(null, typeof origin === 'string' && listed.has(origin) ? { ...forListed, origin } : { origin: false });
      },
    });
  }

  // Before body parsing and guards: a client over its budget costs at most a Redis round trip, usually none.
  const rateLimiter = app.get(RateLimiter);
  fastify.addHook('onRequest', (request, reply) => rateLimiter.onRequest(request, reply));
  const metrics = app.get(MetricsService);
  countRedisOutages(app.get(RedisOutage));

  // After the body is read, so the context holds through guards, pipes, handler and services.
  const requestLogger = await app.resolve<PinoLogger>(PinoLogger);
  fastify.addHook('preHandler', (request, _reply, done) =>
    runWithRequestLogContext(requestLogger, String(request.id), done),
  );
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // One line per request; the route pattern, never the raw URL, because URLs carry plates.
  fastify.addHook('onResponse', async (request: FastifyRequest, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  await mountQueueBoard(fastify, app.get(QueueBoardAuth), app.get(QueueRegistry).all(), {
    ui: options.queueBoardUi ?? options.swaggerUi ?? true,
  });
  if (options.webPages ?? options.swaggerUi ?? true) await mountWebPages(fastify);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Border-gate declaration service')
      .setDescription(
        'Declarations of cargo-vehicle trips through Hữu Nghị and Tân Thanh (Lạng Sơn). Every error has the shape ' +
          '`{statusCode, code, message, details?, requestId}`; `message` in the language of Accept-Language.',
      )
      .setVersion('1')
      .addGlobalParameters({
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description:
          'Language of error messages: `vi` (vi, vi-VN), `en` (en-*), `zh` (simplified Chinese: zh, zh-CN, zh-Hans-*); ' +
          'q-values honoured. Anything else, or no header: English. Codes and field names never change.',
        schema: { type: 'string', example: 'vi-VN,vi;q=0.9,en;q=0.5' },
      })
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Company API key (bgk_…)' }, 'company')
      .addCookieAuth(
        COMPANY_SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          description:
            'Company portal sign-in from POST /api/v1/company/session; unsafe requests also send X-CSRF-Token',
        },
        'company-session',
      )
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Officer access token from POST /api/v1/auth/login',
        },
        'officer',
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    swaggerUiEnabled: options.swaggerUi ?? true,
  });
  return app;
}

/** A worker-only process: no HTTP server at all. */
export async function createWorkerContext(config: AppConfig, logger: Logger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRole(config, logger), {
    logger: nestLogger(logger),
    abortOnError: false,
  });
  countRedisOutages(app.get(RedisOutage));
  return app;
}
