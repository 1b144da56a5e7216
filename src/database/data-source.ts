import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  applicationName: string;
}

/** The one DataSource shape used by the service, the CLI, migrations and tests. Never `synchronize`. */
export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    applicationName: settings.applicationName,
    extra: { max: settings.poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 },
  });
}
