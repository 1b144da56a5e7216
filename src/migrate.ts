import 'reflect-metadata';
import { errorMessage } from './common/errors/error-message.js';
import { loadConfig } from './config/app-config.js';
import { createLogger } from './common/logging/logger.js';
import { ensureDatabaseExists, runMigrationsLocked } from './database/bootstrap.js';
import { createDataSource } from './database/data-source.js';

/** The one-shot migrate step (compose's `migrate` service): creates the database if needed, migrates, exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.app.logLevel);
  await ensureDatabaseExists(config.database.url);
  const dataSource = createDataSource({
    url: config.database.url,
    poolSize: 2,
    applicationName: 'border-gate-migrate',
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database already up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
