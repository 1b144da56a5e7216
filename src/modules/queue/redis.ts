import { Redis, type RedisOptions } from 'ioredis';

/** What every connection of the process reports to (`RedisOutage`). */
export interface RedisWatcher {
  watch(client: Redis): void;
}

/**
 * `client`, reported to `watcher`, and so are its duplicates: BullMQ duplicates a worker's connection for its
 * blocking commands, and those must report too.
 */
function watched(client: Redis, watcher: RedisWatcher): Redis {
  watcher.watch(client);
  const duplicate = client.duplicate.bind(client);
  client.duplicate = (override?: Partial<RedisOptions>) => watched(duplicate(override), watcher);
  return client;
}

/**
 * Connection for producers and probes: while Redis is away a command fails after one reconnect attempt
 * (at most ~2 s) instead of waiting in memory, so the outbox relay notices the outage and leaves messages
 * in PostgreSQL.
 */
export function createProducerConnection(url: string, watcher: RedisWatcher): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  return watched(redis, watcher);
}

/** A worker connection to the same server as `producer`: blocking commands, retried forever, no command timeout. */
export function createBlockingTwin(producer: Redis): Redis {
  return producer.duplicate({ maxRetriesPerRequest: null, commandTimeout: undefined });
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
]);
const UNAVAILABLE_MESSAGES = ['Connection is closed.', "Stream isn't writeable"];

/** Thrown instead of sending a command while the connection is not ready. */
export class RedisNotReady extends Error {
  constructor(status: string) {
    super(`Redis is not ready (${status})`);
  }
}

/**
 * Whether `error` only says Redis cannot be reached (refused, reset, timed out, name not found, connection closed,
 * retries used up). The outage is logged once for the process (`RedisOutage`), so callers log nothing of their
 * own for these.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (error instanceof RedisNotReady) return true;
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: string };
  if (error.name === 'MaxRetriesPerRequestError' || (code !== undefined && UNAVAILABLE_CODES.has(code))) return true;
  const { message } = error;
  return (
    UNAVAILABLE_MESSAGES.some((text) => message.startsWith(text)) ||
    [...UNAVAILABLE_CODES].some((c) => message.includes(c)) // "connect ECONNREFUSED …", "getaddrinfo ENOTFOUND …"
  );
}
