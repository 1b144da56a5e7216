import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Hand-written SQL through the DataSource's own pools. TypeORM's `query()` returns `[rows, count]` for
 * UPDATE/DELETE but plain rows otherwise; these helpers always return rows, and skip the per-call
 * QueryRunner on hot paths. `rows`/`one` run on the primary; `readRows`/`readOne` on a read replica when
 * DATABASE_REPLICA_URLS names any (round-robin), for public answers that may lag the primary by a moment.
 */
@Injectable()
export class Sql {
  private readonly pool: pg.Pool;
  private readonly replicas: pg.Pool[];
  private nextReplica = 0;

  constructor(readonly dataSource: DataSource) {
    const driver = dataSource.driver as unknown as { master: pg.Pool; slaves: pg.Pool[] };
    this.pool = driver.master;
    this.replicas = driver.slaves ?? [];
  }

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | null> {
    return (await this.rows<T>(text, params))[0] ?? null;
  }

  async readRows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.readPool().query(text, params)).rows as T[];
  }

  async readOne<T>(text: string, params: unknown[] = []): Promise<T | null> {
    return (await this.readRows<T>(text, params))[0] ?? null;
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
