import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Hand-written SQL through the DataSource's own pool. TypeORM's `query()` returns `[rows, count]` for
 * UPDATE/DELETE but plain rows otherwise; these helpers always return rows, and skip the per-call
 * QueryRunner on hot paths.
 */
@Injectable()
export class Sql {
  private readonly pool: pg.Pool;

  constructor(readonly dataSource: DataSource) {
    this.pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.pool.query(text, params);
    return result.rows as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | null> {
    return (await this.rows<T>(text, params))[0] ?? null;
  }
}

/** Rows of a statement run inside `dataSource.transaction(manager => …)`. */
export async function rowsIn<T>(manager: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('rowsIn must be called with a transactional EntityManager');
  const result = (await runner.query(text, params, true)) as { records: T[] };
  return result.records;
}
