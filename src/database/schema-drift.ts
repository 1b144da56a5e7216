import type { DataSource } from 'typeorm';

/**
 * The statements TypeORM would run to make the database match the DataSource's entities: empty when entities
 * and migrations agree. Reads the schema only; nothing is executed.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
