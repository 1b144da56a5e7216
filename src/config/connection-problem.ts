import type { AppConfig } from './app-config.js';

/** `host:port/dbname` of a postgres:// URL: what an operator needs to recognise it, never the password. */
export function databaseLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}/${decodeURIComponent(parsed.pathname.slice(1))}`;
}

function redisLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

interface DriverError {
  code?: string;
  address?: string;
  port?: number;
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'connection reset',
};

/**
 * One line saying which setting points where, what failed and what to do, when `error` is PostgreSQL or Redis
 * refusing or not answering; null for anything else. No password, no stack.
 */
export function connectionProblem(error: unknown, config: AppConfig): string | null {
  const { code, port } = (error ?? {}) as DriverError;
  if ((error as Error | null)?.name === 'MaxRetriesPerRequestError')
    return `Redis at REDIS_URL (${redisLabel(config.queue.redisUrl)}) does not answer; start Redis there or set REDIS_URL to where it runs`;
  if (!code) return null;
  const database = `DATABASE_URL (${databaseLabel(config.database.url)})`;
  const unreachable = UNREACHABLE[code];
  if (unreachable) {
    const redisPort = Number(new URL(config.queue.redisUrl).port || '6379');
    if (port !== undefined && port === redisPort && port !== Number(new URL(config.database.url).port || '5432'))
      return `cannot reach Redis at REDIS_URL (${redisLabel(config.queue.redisUrl)}): ${unreachable}; start Redis there or set REDIS_URL to where it runs`;
    return `cannot reach PostgreSQL at ${database}: ${unreachable}; start PostgreSQL there or set DATABASE_URL to where it runs`;
  }
  const user = decodeURIComponent(new URL(config.database.url).username) || 'postgres';
  switch (code) {
    case '28P01':
    case '28000':
      return `PostgreSQL at ${database} refused user "${user}": authentication failed; check the user and password in DATABASE_URL`;
    case '3D000':
      return `PostgreSQL at ${database}: the database does not exist; run \`npm run migrate\` (creates and migrates it) or set DATABASE_URL to an existing database`;
    case '42P01':
    case '42703':
      return `PostgreSQL at ${database}: the schema is older than this version; run \`npm run migrate\``;
    case '57P03':
      return `PostgreSQL at ${database} is starting up or shutting down; try again in a moment`;
    case '53300':
      return `PostgreSQL at ${database} has no free connections; lower DATABASE_POOL_SIZE or raise max_connections`;
    default:
      return null;
  }
}
