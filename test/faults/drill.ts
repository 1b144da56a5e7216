import pg from 'pg';
import { freshMigratedDatabase } from '../support/databases.js';
import { declarationBody, eventually, idempotencyKey } from '../support/factories.js';
import { DisposablePostgres } from '../support/postgres-server.js';
import { cli, type RunningService, startService } from '../support/processes.js';
import { DisposableRedis } from '../support/redis-server.js';
import { uniqueTaxCode } from '../support/test-app.js';

/** What the drills' client got: an answer, or none within the timeout (a hang, which no drill accepts). */
export interface Answer {
  key: string;
  status: number | 'no answer';
  body: any;
  retryAfter: string | null;
}

/** The API and the worker as production runs them, apart, on a private PostgreSQL cluster and a private Redis. */
export class Drill {
  readonly postgres: DisposablePostgres;
  readonly redis = new DisposableRedis();
  databaseUrl = '';
  apiKey = '';
  api: RunningService | null = null;
  worker: RunningService | null = null;
  private db: pg.Pool | null = null;

  constructor(
    private readonly database: string,
    options: { maxConnections?: number } = {},
  ) {
    this.postgres = new DisposablePostgres(options);
  }

  /** Settings both processes share: short reconciler and outbox periods so a drill settles in seconds. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      DATABASE_MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'info', // the worker says it is ready at info
      OUTBOX_POLL_INTERVAL_MS: '50',
      SCREENING_BACKOFF_MS: '200',
      RECONCILE_INTERVAL_MS: '500',
      RECONCILE_STALE_AFTER_MS: '3000',
      RATE_LIMIT_PUBLIC_PER_MIN: '0',
      RATE_LIMIT_COMPANY_PER_MIN: '0',
      WORKER_METRICS_PORT: '0',
      ...extra,
    };
  }

  /** Starts the servers, migrates a fresh database, makes a company with an API key. */
  async setUp(): Promise<void> {
    await this.postgres.start();
    await this.redis.start();
    this.databaseUrl = this.postgres.url(this.database);
    await freshMigratedDatabase(this.databaseUrl);
    const made = cli(['company:create', '--name', 'Drill Transport Co', '--tax-code', uniqueTaxCode()], {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      DATABASE_MIGRATE_ON_START: 'false',
    });
    if (made.status !== 0) throw new Error(`company:create failed: ${made.stderr}`);
    this.apiKey = (JSON.parse(made.stdout) as { apiKey: string }).apiKey;
  }

  async startApi(extra: Record<string, string> = {}): Promise<RunningService> {
    this.api = await startService(this.env({ APP_ROLE: 'api', ...extra }));
    return this.api;
  }

  async startWorker(extra: Record<string, string> = {}): Promise<RunningService> {
    this.worker = await startService(this.env({ APP_ROLE: 'worker', ...extra }));
    return this.worker;
  }

  /** A pool on the drill's database for checks, opened lazily (after any restart of the server). */
  sql(): pg.Pool {
    this.db ??= new pg.Pool({ connectionString: this.databaseUrl, max: 2, connectionTimeoutMillis: 5_000 });
    return this.db;
  }

  async closeSql(): Promise<void> {
    const db = this.db;
    this.db = null;
    await db?.end().catch(() => undefined);
  }

  /** Stops every process and server, whatever state the drill left them in. */
  async tearDown(): Promise<void> {
    await this.closeSql();
    for (const service of [this.api, this.worker]) {
      if (service && service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGKILL');
      }
    }
    this.postgres.destroy();
    await this.redis.stop();
  }

  /** POST /api/v1/declarations, waiting at most `timeoutMs` for an answer. */
  async submit(key = idempotencyKey(), timeoutMs = 15_000): Promise<Answer> {
    return this.call('POST', '/api/v1/declarations', key, declarationBody(), timeoutMs);
  }

  async call(method: string, path: string, key: string, body?: unknown, timeoutMs = 15_000): Promise<Answer> {
    try {
      const res = await fetch(`${this.api!.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          'idempotency-key': key,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: kept as text, which the shape checks then refuse
      }
      return { key, status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        return { key, status: 'no answer', body: null, retryAfter: null };
      }
      throw error;
    }
  }

  /** Each declaration's status moves in order, e.g. `submitted,accepted`, keyed by declaration id. */
  async moves(ids: string[]): Promise<Map<string, string>> {
    const { rows } = await this.sql().query<{ declaration_id: string; moves: string }>(
      `SELECT declaration_id, string_agg(to_status, ',' ORDER BY id) AS moves
         FROM declaration_event WHERE declaration_id = ANY($1::uuid[]) GROUP BY declaration_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.declaration_id, r.moves]));
  }

  /** Waits until every declaration has left `submitted`, then returns their moves. */
  async screenedOnce(ids: string[], timeoutMs = 60_000): Promise<Map<string, string>> {
    await eventually(
      async () => {
        const { rows } = await this.sql().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM declaration WHERE id = ANY($1::uuid[]) AND status = 'submitted'`,
          [ids],
        );
        return rows[0].n === 0 ? true : undefined;
      },
      timeoutMs,
      `${ids.length} declarations to be screened`,
    );
    return this.moves(ids);
  }
}

/** The coded 503 a client can act on: SERVICE.UNAVAILABLE, a Retry-After, the one error shape. */
export function expectUnavailable(answer: Answer): void {
  expect({ status: answer.status, code: answer.body?.code, retryAfter: answer.retryAfter }).toEqual({
    status: 503,
    code: 'SERVICE.UNAVAILABLE',
    retryAfter: expect.stringMatching(/^\d+$/),
  });
  expect(Object.keys(answer.body).sort()).toEqual(['code', 'details', 'message', 'requestId', 'statusCode']);
}
