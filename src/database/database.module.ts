import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppSettings, appConfig, type DatabaseConfig, databaseConfig } from '../config/config-groups.js';
import { ensureDatabaseExists, runMigrationsLocked } from './bootstrap.js';
import { createDataSource, type EntityList } from './data-source.js';
import { Clock, SystemClock } from '../common/clock.js';
import { Sql } from './sql.js';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * The DataSource (created, migrated, initialised) over `entities`, and the `Sql` helper on it.
   * `createDatabase: false` (the CLI): a missing database is an error naming it, not a new empty one. `clock`: the
   * time the metering decides by (the simulation's fast clock; the wall clock otherwise).
   */
  static forRoot(
    entities: EntityList,
    { createDatabase = true, clock = new SystemClock() }: { createDatabase?: boolean; clock?: Clock } = {},
  ): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [databaseConfig.KEY, appConfig.KEY],
          useFactory: async (config: DatabaseConfig, app: AppSettings): Promise<DataSource> => {
            if (config.migrateOnStart && createDatabase) await ensureDatabaseExists(config.url);
            const dataSource = createDataSource({
              url: config.url,
              replicaUrls: config.replicaUrls,
              poolSize: config.poolSize,
              applicationName: `border-gate-${app.role}`,
              entities,
            });
            await dataSource.initialize();
            if (config.migrateOnStart) await runMigrationsLocked(dataSource);
            return dataSource;
          },
        },
        Sql,
        // The clock travels with the database: every process that decides by time has both.
        { provide: Clock, useValue: clock },
      ],
      exports: [DataSource, Sql, Clock],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
