import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { TEST_DATABASE_URL } from './test-env.js';

/** A sibling of the test database, e.g. `border_gate_test_docs`: same server, its own name (still containing `test`). */
export function siblingTestDatabaseUrl(suffix: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_${suffix}`;
  return url.toString();
}

/** Drops and recreates the database, then migrates it with the built migrate step, as the global setup does. */
export async function freshMigratedDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.includes('test')) throw new Error(`refusing to recreate database "${name}": its name must contain "test"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const migrate = spawnSync(process.execPath, ['dist/src/migrate.js'], {
    env: { PATH: process.env.PATH, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
}
