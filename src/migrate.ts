import 'reflect-metadata';
import type { AppConfig } from './config/app-config.js';
import { failureMessage, loadSettingsOrExit } from './config/entry-point.js';
import { createLogger } from './common/logging/logger.js';
import { ensureDatabaseExists, runMigrationsLocked } from './database/bootstrap.js';
import { createDataSource } from './database/data-source.js';

/** The one-shot migrate step (compose's `migrate` service): creates the database if needed, migrates, exits. */
async function main(config: AppConfig): Promise<void> {
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

const config = loadSettingsOrExit();
main(config).catch((error: unknown) => {
  process.stderr.write(`migration failed: ${failureMessage(error, config)}\n`);
  process.exit(1);
});
