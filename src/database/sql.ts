import { Injectable } from '@nestjs/common';
import pg from 'pg';
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

/** A pooled connection and its release, as `obtainMasterConnection()` / `obtainSlaveConnection()` hand it out. */
type Lease = [pg.PoolClient, (error?: Error) => void];

/**
 * Hand-written SQL through the DataSource's own pools, taken with the Postgres driver's public
 * `obtainMasterConnection()` / `obtainSlaveConnection()`. TypeORM's `query()` returns `[rows, count]` for
 * UPDATE/DELETE but plain rows otherwise, and opens a QueryRunner per call; these helpers always return rows
 * and lease one pooled connection for the one statement. `rows`/`one` run on the primary; `readRows`/`readOne`
 * on a read replica when DATABASE_REPLICA_URLS names any (TypeORM picks one at random per call), for public
 * answers that may lag the primary by a moment.
 */
@Injectable()
export class Sql {
  private readonly driver: PostgresDriver;

  constructor(readonly dataSource: DataSource) {
    if (dataSource.options.type !== 'postgres') throw new Error('Sql needs a PostgreSQL DataSource');
    this.driver = dataSource.driver as PostgresDriver;
  }

  async rows<T>(statement: Statement, params: unknown[] = []): Promise<T[]> {
    return run<T>((await this.driver.obtainMasterConnection()) as Lease, statement, params);
  }

  async one<T>(statement: Statement, params: unknown[] = []): Promise<T | null> {
    return (await this.rows<T>(statement, params))[0] ?? null;
  }

  async readRows<T>(statement: Statement, params: unknown[] = []): Promise<T[]> {
    return run<T>((await this.driver.obtainSlaveConnection()) as Lease, statement, params);
  }

  async readOne<T>(statement: Statement, params: unknown[] = []): Promise<T | null> {
    return (await this.readRows<T>(statement, params))[0] ?? null;
  }

  /** How many replicas serve reads (0: the primary does). */
  get replicaCount(): number {
    return this.dataSource.options.type === 'postgres' ? (this.dataSource.options.replication?.slaves.length ?? 0) : 0;
  }
}

async function run<T>([client, release]: Lease, statement: Statement, params: unknown[]): Promise<T[]> {
  try {
    const result = await client.query(queryConfig(statement, params));
    release();
    return result.rows as T[];
  } catch (error) {
    // An error the server answered (a unique violation, say) leaves the connection and its prepared statements
    // good; anything else (a broken socket) discards it.
    release(error instanceof pg.DatabaseError ? undefined : (error as Error));
    throw error;
  }
}

/** Rows of a statement run inside `dataSource.transaction(manager => …)`. */
export async function rowsIn<T>(manager: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('rowsIn must be called with a transactional EntityManager');
  const result = (await runner.query(text, params, true)) as { records: T[] };
  return result.records;
}
