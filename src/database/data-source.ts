import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';

/** Entity classes. */
export type EntityList = readonly (new () => object)[];

export interface DatabaseSettings {
  url: string;
  /** Read replicas of `url`; only `Sql.read*` uses them, everything else (TypeORM included) stays on the primary. */
  replicaUrls?: string[];
  poolSize: number;
  applicationName: string;
  /** The entities this process uses (`src/entities.ts` for the service); none to only migrate. */
  entities: EntityList;
}

/** The one DataSource shape used by the service, the CLI, migrations and tests. Never `synchronize`. */
export function createDataSource(settings: DatabaseSettings): DataSource {
  const replicas = settings.replicaUrls ?? [];
  return new DataSource({
    type: 'postgres',
    ...(replicas.length
      ? {
          // defaultMode master: TypeORM would otherwise send every SELECT to a replica, and a read right after
          // a write could miss it. Replica reads are chosen explicitly, per query, where lag is harmless.
          replication: {
            master: { url: settings.url },
            slaves: replicas.map((url) => ({ url })),
            defaultMode: 'master',
          },
        }
      : { url: settings.url }),
    entities: [...settings.entities],
    // The schema is the migrations' alone: no extension is created at start, and generated uuids are the
    // migrations' gen_random_uuid() (built into PostgreSQL 13+).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    applicationName: settings.applicationName,
    extra: {
      max: settings.poolSize,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      // Short indexed queries only: JIT compiling a plan over many audit-log partitions cost 300 ms for nothing.
      options: '-c jit=off',
    },
  });
}
