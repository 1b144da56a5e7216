import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { secretProblems } from './secrets.js';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

// One message per setting, whichever of its checks fails: `PORT must be a whole number from 1 to 65535`, not
// class-validator's three ("must not be greater than…; must not be less than…; must be an integer number").
const decorate =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

function WholeNumber(min: number, max: number): PropertyDecorator {
  const message = `must be a whole number from ${min} to ${max}`;
  return decorate(Transform(toInt), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

function TrueOrFalse(): PropertyDecorator {
  return decorate(Transform(toBool), IsBoolean({ message: 'must be true or false' }));
}

const toTrustProxy = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  return /^\d+$/.test(text) ? Number(text) : toList({ value: text });
};

function isAddressOrCidr(item: unknown): boolean {
  if (typeof item !== 'string') return false;
  const [address, prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** `false`, `true`, a number of proxy hops, or proxy addresses and CIDRs: what Fastify's `trustProxy` takes. */
function TrustedProxies(): PropertyDecorator {
  const message =
    'must be false, true, a number of proxy hops from 1 to 10, or comma-separated proxy addresses or CIDRs like 10.0.0.0/8';
  const valid = (value: unknown): boolean =>
    typeof value === 'boolean' ||
    (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10) ||
    (Array.isArray(value) && value.length > 0 && value.every(isAddressOrCidr));
  return decorate(
    Transform(toTrustProxy),
    ValidateBy({ name: 'trustedProxies', validator: { validate: valid, defaultMessage: () => message } }),
  );
}

function OneOf(values: readonly string[]): PropertyDecorator {
  return IsIn(values as string[], { message: `must be one of ${values.join(', ')}` });
}

/** Every environment variable the service reads, with the defaults a fresh clone runs on. Listed in `.env.example`. */
export class Environment {
  @OneOf(APP_ROLES)
  APP_ROLE: AppRole = 'all';

  @WholeNumber(1, 65535)
  PORT = 3000;

  @Matches(/^[\w.:-]+$/, { message: 'must be a host name or IP address to listen on, like 0.0.0.0 or 127.0.0.1' })
  HOST = '0.0.0.0';

  @OneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^postgres(ql)?:\/\/\S+\/[\w-]+(\?\S*)?$/, {
    message: 'must be a postgres:// URL ending in a database name',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/border_gate';

  // Streaming replicas of DATABASE_URL, comma-separated; public read-only answers (lookup, board, statistics)
  // are served from them, round-robin. Empty: everything reads the primary.
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(16, { message: 'must list at most 16 URLs' })
  @Matches(/^postgres(ql)?:\/\/\S+\/[\w-]+(\?\S*)?$/, {
    each: true,
    message: 'must be comma-separated postgres:// URLs ending in a database name',
  })
  DATABASE_REPLICA_URLS: string[] = [];

  @WholeNumber(1, 200)
  DATABASE_POOL_SIZE = 10;

  @TrueOrFalse()
  DATABASE_MIGRATE_ON_START = true;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  // Queue keys add a Redis Cluster hash tag per queue (`<prefix>:{<queue>}`), so the prefix itself has none.
  @Matches(/^[\w-]{1,32}$/, { message: 'must be 1-32 letters, digits, _ or -' })
  QUEUE_PREFIX = 'bg';

  @WholeNumber(1024, 10 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES = 64 * 1024;

  /** How long a claimed Idempotency-Key may stay unanswered before the same request may take it over. */
  @WholeNumber(1000, 3_600_000)
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS = 30_000;

  @WholeNumber(0, 7 * 24 * 60)
  SCREENING_WINDOW_PAST_MINUTES = 120;

  @WholeNumber(1, 90)
  SCREENING_WINDOW_FUTURE_DAYS = 7;

  @WholeNumber(1, 50)
  SCREENING_ATTEMPTS = 8;

  @WholeNumber(10, 600_000)
  SCREENING_BACKOFF_MS = 1000;

  @WholeNumber(1, 256)
  SCREENING_CONCURRENCY = 16;

  @WholeNumber(10, 60_000)
  OUTBOX_POLL_INTERVAL_MS = 100;

  @WholeNumber(100, 3_600_000)
  RECONCILE_INTERVAL_MS = 30_000;

  @WholeNumber(100, 86_400_000)
  RECONCILE_STALE_AFTER_MS = 120_000;

  /**
   * HMAC key for officer access tokens and QR check-in tokens, and root of the webhook-secret key. Required and
   * strong in production (secrets.ts); elsewhere, when unset, the entry point supplies a per-checkout one.
   */
  @IsString()
  @Matches(/^(.{32,})?$/, { message: 'must be at least 32 characters' })
  AUTH_TOKEN_SECRET = '';

  /** The key AUTH_TOKEN_SECRET replaced: still accepted for verification, never used to sign. Empty: none. */
  @IsString()
  @Matches(/^(.{32,})?$/, { message: 'must be empty or at least 32 characters' })
  AUTH_TOKEN_PREVIOUS_SECRET = '';

  @WholeNumber(60, 86_400)
  AUTH_TOKEN_TTL_SECONDS = 900;

  /** An officer's refresh token ends after this long unused (a shift's quiet spell, not a night). */
  @WholeNumber(300, 7 * 86_400)
  AUTH_REFRESH_IDLE_SECONDS = 8 * 3600;

  /** An officer's sign-in ends this long after it began, however often refreshed: then they sign in again. */
  @WholeNumber(600, 30 * 86_400)
  AUTH_REFRESH_MAX_SECONDS = 12 * 3600;

  /** Failed logins in a row one username may have before each further attempt must wait (2^n s, doubling). */
  @WholeNumber(1, 100)
  AUTH_LOGIN_MAX_FAILURES = 5;

  /** The longest a username's wait grows to; a browser that signed in as that username before does not wait. */
  @WholeNumber(1, 86_400)
  AUTH_LOGIN_LOCK_SECONDS = 300;

  /** Failed logins one client address may make per window, across all usernames, before it gets 429 until the window ends. */
  @WholeNumber(2, 10_000)
  AUTH_LOGIN_ADDRESS_MAX_FAILURES = 20;

  /** The window of AUTH_LOGIN_ADDRESS_MAX_FAILURES. */
  @WholeNumber(10, 86_400)
  AUTH_LOGIN_ADDRESS_WINDOW_SECONDS = 600;

  /** How long the known-device cookie set at a successful login vouches for its usernames. */
  @WholeNumber(1, 400)
  AUTH_KNOWN_DEVICE_DAYS = 90;

  /** Password hashes or checks running at once per process (each holds one libuv thread and ~19 MiB). */
  @WholeNumber(1, 16)
  AUTH_PASSWORD_HASH_CONCURRENCY = 2;

  /** Password checks that may wait for a free slot; beyond this a login gets 503 AUTH.BUSY at once. */
  @WholeNumber(0, 1000)
  AUTH_PASSWORD_HASH_QUEUE = 8;

  /** A company portal sign-in ends after this long without a request. */
  @WholeNumber(60, 86_400)
  COMPANY_SESSION_IDLE_SECONDS = 1800;

  /** A company portal sign-in ends this long after it began, however busy. */
  @WholeNumber(300, 30 * 86_400)
  COMPANY_SESSION_MAX_SECONDS = 43_200;

  /** A claimed step not decided within this time goes back to its queue, at its old place. */
  @WholeNumber(1000, 86_400_000)
  CLEARANCE_CLAIM_TIMEOUT_MS = 600_000;

  /** An accepted declaration whose truck has not arrived this long after expectedArrivalAt expires. */
  @WholeNumber(1, 30 * 24 * 60)
  CLEARANCE_NO_SHOW_EXPIRY_MINUTES = 720;

  /** How often the worker looks for vehicles whose return is due within the hour or overdue, in ms. */
  @WholeNumber(100, 3_600_000)
  RETURNS_WATCH_INTERVAL_MS = 60_000;

  /** How often the worker calls trucks forward from the regulation yards (and handles missed calls), in ms. */
  @WholeNumber(100, 600_000)
  CALL_FORWARD_INTERVAL_MS = 10_000;
  /** How often the worker takes the bookings of trucks that did not come (no-shows) and counts strikes, in ms. */
  @WholeNumber(100, 3_600_000)
  SLOT_WATCH_INTERVAL_MS = 30_000;

  /** Tests point webhooks at a local receiver; production refuses private, loopback and plain-http targets. */
  @TrueOrFalse()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** Attempts per delivery; with WEBHOOK_BACKOFF_MS doubling from 30 s, 14 attempts span about 2.8 days. */
  @WholeNumber(1, 30)
  WEBHOOK_MAX_ATTEMPTS = 14;

  @WholeNumber(10, 3_600_000)
  WEBHOOK_BACKOFF_MS = 30_000;

  @WholeNumber(100, 60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Requests per minute per client address on public endpoints; 0 turns the limit off. */
  @WholeNumber(0, 1_000_000)
  RATE_LIMIT_PUBLIC_PER_MIN = 600;

  /** Requests per minute per API key on company endpoints; 0 turns the limit off. */
  @WholeNumber(0, 1_000_000)
  RATE_LIMIT_COMPANY_PER_MIN = 1200;

  /** How long a request waits for Redis to count it before going through unchecked (fail open). */
  @WholeNumber(10, 5_000)
  RATE_LIMIT_REDIS_TIMEOUT_MS = 100;

  /**
   * Whose X-Forwarded-For tells the client's address (rate limits, logs): `false` nobody, a number of proxy
   * hops in front of the service, or comma-separated addresses/CIDRs of your proxies; `true` believes anyone.
   */
  @TrustedProxies()
  HTTP_TRUST_PROXY: boolean | number | string[] = false;

  /** Browser origins (`https://portal.example.com`, comma-separated) allowed to call the API cross-origin; empty: none. */
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(32, { message: 'must list at most 32 origins' })
  @Matches(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, {
    each: true,
    message: 'must be comma-separated origins like https://portal.example.com (scheme, host, optional port; no path)',
  })
  CORS_ORIGINS: string[] = [];

  /**
   * On SIGTERM, how long the API keeps answering (each answer with `Connection: close`) before it stops accepting
   * connections: enough for busy keep-alive clients to be told to reconnect elsewhere.
   */
  @WholeNumber(0, 20_000)
  HTTP_DRAIN_GRACE_MS = 1000;

  /** Bearer token that lets GET /metrics through on the API port; empty: /metrics there answers 404. */
  @IsString()
  @Matches(/^([\x21-\x7e]{32,})?$/, { message: 'must be empty or at least 32 visible ASCII characters' })
  METRICS_TOKEN = '';

  /** Port of an API process's own /metrics listener (no token; bound to METRICS_HOST); 0 turns it off. */
  @WholeNumber(0, 65535)
  METRICS_PORT = 9465;

  /** Address the METRICS_PORT and WORKER_METRICS_PORT listeners bind: loopback unless Prometheus scrapes from afar. */
  @Matches(/^[\w.:-]+$/, { message: 'must be a host name or IP address to listen on, like 127.0.0.1' })
  METRICS_HOST = '127.0.0.1';

  /** Demand as a share of today's capacity at which the board turns yellow, orange, red. */
  @Matches(/^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/, { message: 'must be three ascending ratios like 0.7,0.85,1' })
  BOARD_WARNING_THRESHOLDS = '0.7,0.85,1';

  /** Window for the board's median time from arrival to exit. */
  @WholeNumber(1, 72)
  BOARD_MEDIAN_WINDOW_HOURS = 6;

  /**
   * The most vehicles a lookup counts as expected ahead of an accepted one (`expectedAhead`): counting stops
   * there, so a lookup costs the same however long the gate's backlog grows.
   */
  @WholeNumber(1, 100_000)
  LOOKUP_AHEAD_CAP = 1000;

  /** How long one gate's public board is reused for every viewer (ms; 0 = computed per request). */
  @WholeNumber(0, 60_000)
  BOARD_CACHE_MS = 1000;

  /** How often the worker computes each gate's warning level (present and forecast) and records a change, in ms. */
  @WholeNumber(100, 3_600_000)
  BOARD_WATCH_INTERVAL_MS = 30_000;

  /**
   * Whether this worker process reads the audit log into webhooks and live updates. Several may run (they
   * take turns on one cursor row); turning it off is for isolating the webhook fan-out in tests.
   */
  @TrueOrFalse()
  EVENTS_DISPATCHER_ENABLED = true;

  /**
   * CPU niceness (0–19) a worker-only process (APP_ROLE=worker) gives itself at start: where API and worker
   * share cores, answering requests comes before background screening, which catches up when load falls.
   * 0 leaves the priority alone.
   */
  @WholeNumber(0, 19)
  WORKER_NICE = 10;

  /** Port of the worker's own /metrics when it runs without the API (APP_ROLE=worker); 0 turns it off. */
  @WholeNumber(0, 65535)
  WORKER_METRICS_PORT = 9464;

  /** Monthly partitions of the audit log kept ready ahead of the current month (daily maintenance job). */
  @WholeNumber(1, 24)
  PARTITIONS_MONTHS_AHEAD = 3;

  /** Outbox messages relayed longer ago than this are purged by the daily maintenance job. */
  @WholeNumber(1, 3650)
  OUTBOX_RETENTION_DAYS = 7;

  /** How often the worker writes a signed checkpoint of the audit chain's head (only when it moved), in ms. */
  @WholeNumber(1000, 86_400_000)
  AUDIT_CHECKPOINT_INTERVAL_MS = 300_000;

  /** Folder of the append-only checkpoint file `audit-checkpoints.jsonl`; put it on storage outside the database's. */
  @IsString()
  @Matches(/^\S+$/, { message: 'must be a folder path without spaces' })
  AUDIT_CHECKPOINT_DIR = 'var/audit-checkpoints';

  /** How long an Idempotency-Key is remembered (its stored answer replayed); older records are purged daily. */
  @WholeNumber(1, 3650)
  IDEMPOTENCY_KEY_RETENTION_DAYS = 30;
}

/** A URL as it may be shown: any password replaced by `***`. */
export const withoutPassword = (url: string): string => url.replace(/\/\/([^:/@\s]*):[^@\s]*@/g, '//$1:***@');

// Secrets are never echoed, URLs only without their password.
function given(key: string, value: unknown): string {
  if (/SECRET|PASSWORD|TOKEN$|_KEY$/.test(key)) return '';
  const text = String(value);
  return ` (got ${JSON.stringify(/_URLS?$/.test(key) ? withoutPassword(text) : text)})`;
}

/** Bad settings, one line each: the variable, what it must be, what was given (`PORT must be … (got "abc")`). */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** The settings grouped by concern; each group is injected on its own (`config-groups.ts`). */
function grouped(env: Environment) {
  return {
    app: {
      role: env.APP_ROLE,
      port: env.PORT,
      host: env.HOST,
      logLevel: env.LOG_LEVEL,
      bodyLimitBytes: env.HTTP_BODY_LIMIT_BYTES,
      trustProxy: env.HTTP_TRUST_PROXY,
      corsOrigins: env.CORS_ORIGINS,
      drainGraceMs: env.HTTP_DRAIN_GRACE_MS,
    },
    metrics: { token: env.METRICS_TOKEN, port: env.METRICS_PORT, host: env.METRICS_HOST },
    database: {
      url: env.DATABASE_URL,
      replicaUrls: env.DATABASE_REPLICA_URLS,
      poolSize: env.DATABASE_POOL_SIZE,
      migrateOnStart: env.DATABASE_MIGRATE_ON_START,
    },
    queue: { redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX },
    screening: {
      windowPastMinutes: env.SCREENING_WINDOW_PAST_MINUTES,
      windowFutureDays: env.SCREENING_WINDOW_FUTURE_DAYS,
      attempts: env.SCREENING_ATTEMPTS,
      backoffMs: env.SCREENING_BACKOFF_MS,
      concurrency: env.SCREENING_CONCURRENCY,
      outboxPollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
      reconcileStaleAfterMs: env.RECONCILE_STALE_AFTER_MS,
    },
    clearance: {
      claimTimeoutMs: env.CLEARANCE_CLAIM_TIMEOUT_MS,
      noShowExpiryMinutes: env.CLEARANCE_NO_SHOW_EXPIRY_MINUTES,
      returnsWatchIntervalMs: env.RETURNS_WATCH_INTERVAL_MS,
      callForwardIntervalMs: env.CALL_FORWARD_INTERVAL_MS,
      slotWatchIntervalMs: env.SLOT_WATCH_INTERVAL_MS,
    },
    webhooks: {
      allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      backoffMs: env.WEBHOOK_BACKOFF_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
    auth: {
      tokenSecret: env.AUTH_TOKEN_SECRET,
      tokenPreviousSecret: env.AUTH_TOKEN_PREVIOUS_SECRET,
      tokenTtlSeconds: env.AUTH_TOKEN_TTL_SECONDS,
      refreshIdleSeconds: env.AUTH_REFRESH_IDLE_SECONDS,
      refreshMaxSeconds: env.AUTH_REFRESH_MAX_SECONDS,
      loginMaxFailures: env.AUTH_LOGIN_MAX_FAILURES,
      loginLockSeconds: env.AUTH_LOGIN_LOCK_SECONDS,
      loginAddressMaxFailures: env.AUTH_LOGIN_ADDRESS_MAX_FAILURES,
      loginAddressWindowSeconds: env.AUTH_LOGIN_ADDRESS_WINDOW_SECONDS,
      knownDeviceDays: env.AUTH_KNOWN_DEVICE_DAYS,
      passwordHashConcurrency: env.AUTH_PASSWORD_HASH_CONCURRENCY,
      passwordHashQueue: env.AUTH_PASSWORD_HASH_QUEUE,
      companySessionIdleSeconds: env.COMPANY_SESSION_IDLE_SECONDS,
      companySessionMaxSeconds: env.COMPANY_SESSION_MAX_SECONDS,
    },
    rateLimit: {
      publicPerMin: env.RATE_LIMIT_PUBLIC_PER_MIN,
      companyPerMin: env.RATE_LIMIT_COMPANY_PER_MIN,
      redisTimeoutMs: env.RATE_LIMIT_REDIS_TIMEOUT_MS,
    },
    board: {
      warningThresholds: env.BOARD_WARNING_THRESHOLDS,
      medianWindowHours: env.BOARD_MEDIAN_WINDOW_HOURS,
      cacheMs: env.BOARD_CACHE_MS,
      watchIntervalMs: env.BOARD_WATCH_INTERVAL_MS,
      lookupAheadCap: env.LOOKUP_AHEAD_CAP,
    },
    idempotency: {
      inFlightTimeoutMs: env.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS,
      keyRetentionDays: env.IDEMPOTENCY_KEY_RETENTION_DAYS,
    },
    audit: { checkpointIntervalMs: env.AUDIT_CHECKPOINT_INTERVAL_MS, checkpointDir: env.AUDIT_CHECKPOINT_DIR },
    retention: { partitionsMonthsAhead: env.PARTITIONS_MONTHS_AHEAD, outboxRetentionDays: env.OUTBOX_RETENTION_DAYS },
    worker: {
      nice: env.WORKER_NICE,
      metricsPort: env.WORKER_METRICS_PORT,
      eventsDispatcherEnabled: env.EVENTS_DISPATCHER_ENABLED,
    },
  };
}

/** The whole validated configuration, one group per concern. */
export type AppConfig = ReturnType<typeof grouped>;

/** Reads and validates configuration from the environment; throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const keys = Object.keys(new Environment());
  const provided = Object.fromEntries(
    keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const config = plainToInstance(Environment, provided, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  const problems = [
    ...errors.map((e) => {
      const expected = [...new Set(Object.values(e.constraints ?? {}))].join('; ');
      return `${e.property} ${expected}${given(e.property, provided[e.property])}`;
    }),
    ...secretProblems(env),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return grouped(config);
}
