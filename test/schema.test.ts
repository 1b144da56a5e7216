import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source.js';
import { pendingSchemaChanges } from '../src/database/schema-drift.js';
import { ENTITIES } from '../src/entities.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

/** A DataSource over every entity on the migrated test database, for one test. */
async function withDataSource(use: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const dataSource = createDataSource({
    url: TEST_DATABASE_URL,
    poolSize: 1,
    applicationName: 'border-gate-test-schema',
    entities: ENTITIES,
  });
  await dataSource.initialize();
  try {
    await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

describe('entities and migrations', () => {
  it('leave TypeORM nothing to change on the migrated test database', async () => {
    await withDataSource(async (dataSource) => {
      // Compared as text so that a failure prints every statement TypeORM would run.
      expect((await pendingSchemaChanges(dataSource)).join(';\n')).toBe('');
    });
  });

  it('notices an entity that disagrees with the migrations', async () => {
    await withDataSource(async (dataSource) => {
      // The check run on a drifted entity: worker_heartbeat.jobs_completed made nullable in the metadata only.
      const column = dataSource.getMetadata('worker_heartbeat').findColumnWithDatabaseName('jobs_completed')!;
      column.isNullable = !column.isNullable;
      expect((await pendingSchemaChanges(dataSource)).join(';\n')).toMatch(
        /ALTER TABLE "worker_heartbeat" ALTER COLUMN "jobs_completed" DROP NOT NULL/,
      );
    });
  });

  it('gives every table of the schema an entity', async () => {
    await withDataSource(async (dataSource) => {
      // Ordinary and partitioned tables, not partitions; typeorm_migrations is TypeORM's own.
      const rows = await dataSource.query<{ name: string }[]>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            AND c.relname <> 'typeorm_migrations' ORDER BY 1`,
      );
      const mapped = dataSource.entityMetadatas.map((m) => m.tableName).sort();
      expect(mapped).toEqual(rows.map((r) => r.name));
    });
  });
});
