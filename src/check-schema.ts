import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from './config/app-config.js';
import { ensureDatabaseExists, runMigrationsLocked } from './database/bootstrap.js';
import { createDataSource } from './database/data-source.js';
import { pendingSchemaChanges } from './database/schema-drift.js';
import { ENTITIES } from './entities.js';

/**
 * `npm run check:schema`: migrates a scratch database from nothing, then asks TypeORM what it would change to
 * match the entities. Anything at all means an entity and the migrations disagree: print it, exit 1.
 */
async function main(): Promise<void> {
  const base = new URL(loadConfig().database.url);
  const scratch = new URL(base);
  scratch.pathname = `/${decodeURIComponent(base.pathname.slice(1))}_schema_check_${process.pid}`;
  await ensureDatabaseExists(scratch.toString());
  try {
    const dataSource = createDataSource({
      url: scratch.toString(),
      poolSize: 2,
      applicationName: 'border-gate-schema-check',
      entities: ENTITIES,
    });
    await dataSource.initialize();
    let pending: string[];
    try {
      await runMigrationsLocked(dataSource);
      pending = await pendingSchemaChanges(dataSource);
    } finally {
      await dataSource.destroy();
    }
    if (pending.length) {
      process.stderr.write(
        `entities and migrations disagree; TypeORM would run:\n${pending.map((q) => `  ${q};`).join('\n')}\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(`schema check: ${ENTITIES.length} entities match the migrations\n`);
    }
  } finally {
    await dropDatabase(base, scratch);
  }
}

async function dropDatabase(base: URL, scratch: URL): Promise<void> {
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const name = decodeURIComponent(scratch.pathname.slice(1)).replace(/"/g, '""');
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `schema check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
