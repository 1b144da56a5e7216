// Recreates the test database and migrates it with the real migrate entry point (built by `npm test`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/border_gate_test';
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.includes('test'))
    throw new Error(`refusing to run tests on database "${name}": its name must contain "test"`);
  if (!existsSync('dist/src/migrate.js'))
    throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`');

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
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
}
