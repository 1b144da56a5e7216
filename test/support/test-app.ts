import { randomInt } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Logger, pino } from 'pino';
import type { AppConfig } from '../../src/config/app-config.js';
import { Sql } from '../../src/database/sql.js';
import { createHttpApp } from '../../src/http-app.js';
import { CompaniesService } from '../../src/modules/companies/companies.service.js';
import { QueueRegistry } from '../../src/modules/queue/queue-registry.service.js';
import { testConfig } from './test-env.js';

export interface InjectOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
}

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => any;
}

export interface TestCompany {
  id: string;
  apiKey: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  sql: Sql;
  request: (options: InjectOptions) => Promise<TestResponse>;
  createCompany: (name?: string) => Promise<TestCompany>;
  close: () => Promise<void>;
}

let taxCodeSeq = 0;

/** A unique valid 10-digit tax code per call within a test run. */
export function uniqueTaxCode(): string {
  taxCodeSeq += 1;
  return `${randomInt(0, 1_000_000).toString().padStart(6, '0')}${(taxCodeSeq % 10_000).toString().padStart(4, '0')}`;
}

/** The production HTTP app (Fastify, global pipe and filter, worker in-process unless APP_ROLE says otherwise). */
export async function startTestApp(
  overrides: Record<string, string> = {},
  logger: Logger = pino({ level: 'silent' }),
): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await createHttpApp(config, logger, { swaggerUi: false });
  // Real HTTP on loopback: Jest on Node 22 cannot load light-my-request's ESM-only dependencies for inject().
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpAdapter().getInstance().server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const sql = app.get(Sql);
  return {
    app,
    baseUrl,
    config,
    sql,
    request: async (options) => {
      const payload = options.payload;
      const headers = { ...options.headers };
      // A JSON payload goes with its content type unless the test sets one on purpose.
      if (
        payload !== undefined &&
        typeof payload !== 'string' &&
        !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
      ) {
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(`${baseUrl}${options.url}`, {
        method: options.method,
        headers,
        body: payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      const body = await res.text();
      return {
        statusCode: res.status,
        headers: {
          ...Object.fromEntries(res.headers.entries()),
          // entries() keeps only the last of several Set-Cookie headers; join them as one header would carry them.
          ...(res.headers.getSetCookie().length ? { 'set-cookie': res.headers.getSetCookie().join(', ') } : {}),
        },
        body,
        json: () => JSON.parse(body),
      };
    },
    createCompany: (name = 'Test Transport Co') => app.get(CompaniesService).create(name, uniqueTaxCode()),
    close: async () => {
      for (const queue of app.get(QueueRegistry).all()) await queue.obliterate({ force: true }).catch(() => undefined);
      await app.close();
    },
  };
}

/** The test app and one company with an API key: what most suites start from in `beforeAll`. */
export async function startWithCompany(companyName?: string): Promise<{ t: TestApp; company: TestCompany }> {
  const t = await startTestApp();
  return { t, company: await t.createCompany(companyName) };
}

/** The one Set-Cookie of the answer that sets `name` (the answer joins several with ", "), or '' when none does. */
export function setCookieNamed(res: TestResponse, name: string): string {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : String(header ?? '').split(/, (?=[\w-]+=)/);
  return all.find((cookie) => cookie.startsWith(`${name}=`)) ?? '';
}
