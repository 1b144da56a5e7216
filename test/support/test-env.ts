import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';

/** Tests own this database; global setup refuses any name without `test` in it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/border_gate_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The Bearer token test apps and services take for GET /metrics on their API port. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';
export const METRICS_HEADERS = { authorization: `Bearer ${TEST_METRICS_TOKEN}` };
/** The token secret of every test app and spawned service, so tokens made in a test verify in either. */
export const TEST_AUTH_TOKEN_SECRET = 'test-only-token-secret-Wx7qZ2mN9vB4kR8tY1uP5sD3';

/** A fresh queue prefix per app instance, so test files never see each other's jobs. */
export function testQueuePrefix(): string {
  return `bgtest-${randomBytes(4).toString('hex')}`;
}

/** Login limits of every test app and spawned service (tests that check the limits set their own). */
export const TEST_LOGIN_LIMITS = {
  // Every test signs in from 127.0.0.1, and failures count in the shared test database across files; the
  // per-address limit is tested on addresses of its own.
  AUTH_LOGIN_ADDRESS_MAX_FAILURES: '10000',
  // Suites sign their officers in side by side; the bounded queue is tested on its own (login-flood.test).
  AUTH_PASSWORD_HASH_QUEUE: '1000',
};

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    APP_ROLE: 'all',
    LOG_LEVEL: 'silent',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_POOL_SIZE: '10',
    DATABASE_MIGRATE_ON_START: 'false',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: testQueuePrefix(),
    AUTH_TOKEN_SECRET: TEST_AUTH_TOKEN_SECRET,
    OUTBOX_POLL_INTERVAL_MS: '20',
    SCREENING_BACKOFF_MS: '50',
    BOARD_CACHE_MS: '0', // tests read the board right after changing what it shows
    ...TEST_LOGIN_LIMITS,
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    // Checkpoints of this app's chain only: another test's, of another database, would not match it.
    AUDIT_CHECKPOINT_DIR: join(tmpdir(), `border-gate-checkpoints-${randomBytes(4).toString('hex')}`),
    ...overrides,
  });
}
