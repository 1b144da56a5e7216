import { Inject, Injectable } from '@nestjs/common';
import { type RetentionConfig, retentionConfig } from '../../config/config-groups.js';
import { rowsIn, Sql } from '../../database/sql.js';

/** Tables partitioned by month (migration MonthlyPartitions); each needs its partitions made ahead. */
export const MONTHLY_PARTITIONED_TABLES = ['declaration_event'] as const;

export interface EnsuredPartitions {
  table: string;
  from: string;
  to: string;
  created: number;
}

// Months are Vietnam's (the partitions' bounds are local midnights); from this month through N months ahead.
const ENSURE = `
SELECT to_char(m.this_month, 'YYYY-MM') AS "from", to_char(m.last_month, 'YYYY-MM') AS "to",
       ensure_monthly_partitions($1, m.this_month, m.last_month) AS created
  FROM (SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS this_month,
               (date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') + make_interval(months => $2))::date AS last_month) m`;

/** Keeps monthly partitions ready ahead of time: an insert whose month has no partition fails (no DEFAULT). */
@Injectable()
export class PartitionMaintenance {
  constructor(
    private readonly sql: Sql,
    @Inject(retentionConfig.KEY) private readonly retentionConfig: RetentionConfig,
  ) {}

  async ensureAhead(monthsAhead = this.retentionConfig.partitionsMonthsAhead): Promise<EnsuredPartitions[]> {
    const results: EnsuredPartitions[] = [];
    for (const table of MONTHLY_PARTITIONED_TABLES) {
      const row = await this.sql.dataSource.transaction(async (manager) => {
        // Creating a partition locks the parent briefly; never queue every writer behind a long reader for it.
        // A month of headroom means a day that gives up here costs nothing: tomorrow's run makes it.
        await rowsIn(manager, `SET LOCAL lock_timeout = '5s'`);
        return (await rowsIn<Omit<EnsuredPartitions, 'table'>>(manager, ENSURE, [table, monthsAhead]))[0];
      });
      results.push({ table, ...row });
    }
    return results;
  }
}
