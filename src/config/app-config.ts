import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, validateSync } from 'class-validator';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Every setting the service reads, with the defaults a fresh clone runs on. Listed in `.env.example`. */
export class AppConfig {
  @IsIn(APP_ROLES)
  APP_ROLE: AppRole = 'all';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @Matches(/^[\w.:-]+$/)
  HOST = '0.0.0.0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^postgres(ql)?:\/\/\S+\/[\w-]+(\?\S*)?$/, {
    message: 'must be a postgres:// URL ending in a database name',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/border_gate';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(toBool)
  @IsBoolean()
  DATABASE_MIGRATE_ON_START = true;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[\w{}-]{1,32}$/, { message: 'must be 1-32 letters, digits, _, -, { or }' })
  QUEUE_PREFIX = 'bg';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES = 64 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  SCREENING_WINDOW_PAST_MINUTES = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  SCREENING_WINDOW_FUTURE_DAYS = 7;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SCREENING_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600_000)
  SCREENING_BACKOFF_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  SCREENING_CONCURRENCY = 16;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 100;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  RECONCILE_INTERVAL_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(86_400_000)
  RECONCILE_STALE_AFTER_MS = 120_000;

  /** HMAC key for officer access tokens and QR check-in tokens; set a long random value in production. */
  @IsString()
  @Matches(/^.{32,}$/, { message: 'must be at least 32 characters' })
  AUTH_TOKEN_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  AUTH_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  AUTH_LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  AUTH_LOGIN_LOCK_SECONDS = 300;

  /** A claimed step not decided within this time goes back to its queue, at its old place. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  CLEARANCE_CLAIM_TIMEOUT_MS = 600_000;

  /** An accepted declaration whose truck has not arrived this long after expectedArrivalAt expires. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30 * 24 * 60)
  CLEARANCE_NO_SHOW_EXPIRY_MINUTES = 720;
}

// URLs may carry passwords; never echo them.
const shown = (key: string, value: unknown): string => (key.endsWith('_URL') ? '<hidden>' : JSON.stringify(value));

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates configuration from the environment; throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const keys = Object.keys(new AppConfig());
  const provided = Object.fromEntries(
    keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const config = plainToInstance(AppConfig, provided, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map(
        (e) =>
          `${e.property}=${shown(e.property, provided[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
      ),
    );
  }
  return config;
}
