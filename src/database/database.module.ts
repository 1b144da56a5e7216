import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { ensureDatabaseExists, runMigrationsLocked } from './bootstrap.js';
import { createDataSource, type EntityList } from './data-source.js';
import { Sql } from './sql.js';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The DataSource (created, migrated, initialised) over `entities`, and the `Sql` helper on it. */
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [AppConfig],
          useFactory: async (config: AppConfig): Promise<DataSource> => {
            if (config.DATABASE_MIGRATE_ON_START) await ensureDatabaseExists(config.DATABASE_URL);
            const dataSource = createDataSource({
              url: config.DATABASE_URL,
              replicaUrls: config.DATABASE_REPLICA_URLS,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: `border-gate-${config.APP_ROLE}`,
              entities,
            });
            await dataSource.initialize();
            if (config.DATABASE_MIGRATE_ON_START) await runMigrationsLocked(dataSource);
            return dataSource;
          },
        },
        Sql,
      ],
      exports: [DataSource, Sql],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
