import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * SQL text, or a named statement for hot paths: PostgreSQL parses and plans it once per pooled connection.
 * A name must always carry the same text.
 */
export type Statement = string | { name: string; text: string };

function queryConfig(statement: Statement, values: unknown[]): pg.QueryConfig {
  return typeof statement === 'string' ? { text: statement, values } : { ...statement, values };
}

/**
 * Hand-written SQL through the DataSource's own pools: the Postgres driver's `master` pool and its `slaves`, public
 * properties of TypeORM's `PostgresDriver`. TypeORM's `query()` returns `[rows, count]` for UPDATE/DELETE but plain
 * rows otherwise, and opens a QueryRunner per call; these helpers always return rows. `rows`/`one` run on the
 * primary; `readRows`/`readOne` on a read replica when DATABASE_REPLICA_URLS names any (round-robin), for public
 * answers that may lag the primary by a moment.
 *
 * `pool.query`, not a lease from `obtainMasterConnection()`: measured under the listing load, leasing a client
 * per statement held the API at ~390 MB where `pool.query` stays near 200 MB (docs/performance.md).
 */
@Injectable()
export class Sql {
  private readonly pool: pg.Pool;
  private readonly replicas: pg.Pool[];
  private nextReplica = 0;

  constructor(readonly dataSource: DataSource) {
    if (dataSource.options.type !== 'postgres') throw new Error('Sql needs a PostgreSQL DataSource');
    const driver = dataSource.driver as PostgresDriver;
    this.pool = driver.master as pg.Pool;
    this.replicas = driver.slaves as pg.Pool[];
  }

  async rows<T>(statement: Statement, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(queryConfig(statement, params))).rows as T[];
  }

  async one<T>(statement: Statement, params: unknown[] = []): Promise<T | null> {
    return (await this.rows<T>(statement, params))[0] ?? null;
  }

  async readRows<T>(statement: Statement, params: unknown[] = []): Promise<T[]> {
    return (await this.readPool().query(queryConfig(statement, params))).rows as T[];
  }

  async readOne<T>(statement: Statement, params: unknown[] = []): Promise<T | null> {
    return (await this.readRows<T>(statement, params))[0] ?? null;
  }

  /** How many replicas serve reads (0: the primary does). */
  get replicaCount(): number {
    return this.replicas.length;
  }

  private readPool(): pg.Pool {
    if (this.replicas.length === 0) return this.pool;
    this.nextReplica = (this.nextReplica + 1) % this.replicas.length;
    return this.replicas[this.nextReplica];
  }
}

/** Rows of a statement run inside `dataSource.transaction(manager => …)`. */
export async function rowsIn<T>(manager: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('rowsIn must be called with a transactional EntityManager');
  const result = (await runner.query(text, params, true)) as { records: T[] };
  return result.records;
}
