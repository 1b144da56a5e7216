import { Redis, type RedisOptions } from 'ioredis';

/**
 * Connection for BullMQ workers: blocking commands, retried forever (BullMQ requires maxRetriesPerRequest null).
 */
export function createWorkerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

/**
 * Connection for producers and probes: while Redis is away a command fails after one reconnect attempt
 * (at most ~2 s) instead of waiting in memory, so the outbox relay notices the outage and leaves messages
 * in PostgreSQL.
 */
export function createProducerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...extra,
  });
}

/** A worker connection to the same server as `producer`: blocking commands, retried forever, no command timeout. */
export function createBlockingTwin(producer: Redis): Redis {
  return producer.duplicate({ maxRetriesPerRequest: null, commandTimeout: undefined });
}
