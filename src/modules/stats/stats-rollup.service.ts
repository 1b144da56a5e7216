import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { Sql } from '../../database/sql.js';
import { STEP_AGENCIES } from '../officers/agency.js';
import { chunkRange, isCalendarDay } from './day-range.js';

/** Each daily count and the audit-log transitions it counts (moves into that status on that local day). */
export const DAILY_COUNTS = {
  declared: `to_status = 'submitted' AND from_status IS NULL`,
  accepted: `to_status = 'accepted'`,
  rejected: `to_status = 'rejected'`,
  cancelled: `to_status = 'cancelled'`,
  expired: `to_status = 'expired'`,
  arrived: `to_status = 'in_yard'`,
  cleared: `to_status = 'cleared'`,
  refused: `to_status = 'refused'`,
  exited: `to_status = 'exited'`,
} as const;
export type DailyCount = keyof typeof DAILY_COUNTS;

const COUNTS_JSON = Object.entries(DAILY_COUNTS)
  .map(([name, moves]) => `'${name}', count(m.to_status) FILTER (WHERE ${moves})`)
  .join(',\n      ');
const AGENCY_LIST = STEP_AGENCIES.map((a) => `'${a}'`).join(', ');

/** Longest range one rollup statement covers; longer rebuilds run chunk by chunk. */
const CHUNK_DAYS = 31;

// One statement per gate and range of local days: a row for every day and direction (zeros included, so a
// day that was computed and saw nothing reads as zeros), written only if no newer computation got there first.
// Counts come from the audit log's transitions by their time; step minutes from clearance steps decided that
// day (final decisions only), from the moment the step entered its queue (ready_at) to the decision.
// The bounds widened by a day on each side are redundant, but the planner can estimate them (it cannot
// estimate the gate's local bounds) and so reads a day's rows by index instead of hashing whole tables.
const ROLLUP = `
WITH g AS (
  SELECT code, timezone,
         $2::date::timestamp AT TIME ZONE timezone AS range_start,
         ($3::date + 1)::timestamp AT TIME ZONE timezone AS range_end
    FROM gate WHERE code = $1
), slots AS (
  SELECT g.code, day::date AS day, dir.direction
    FROM g
    CROSS JOIN generate_series($2::date, $3::date, interval '1 day') AS day
    CROSS JOIN (VALUES ('export'), ('import')) AS dir(direction)
), moves AS (
  SELECT (e.at AT TIME ZONE g.timezone)::date AS day, d.direction, e.from_status, e.to_status, e.reasons
    FROM g
    JOIN declaration_event e ON e.at >= g.range_start AND e.at < g.range_end AND e.gate_code = g.code
     AND e.action = 'transition' AND e.at >= $2::date - 1 AND e.at < $3::date + 2
    JOIN declaration d ON d.id = e.declaration_id
), counts AS (
  SELECT s.code, s.day, s.direction, jsonb_build_object(
      ${COUNTS_JSON}) AS counts
    FROM slots s LEFT JOIN moves m ON m.day = s.day AND m.direction = s.direction
   GROUP BY s.code, s.day, s.direction
), reasons AS (
  SELECT day, direction, jsonb_object_agg(code, n) AS by_reason
    FROM (SELECT m.day, m.direction, r.reason ->> 'code' AS code, count(*)::int AS n
            FROM moves m CROSS JOIN LATERAL jsonb_array_elements(m.reasons) AS r(reason)
           WHERE m.to_status = 'rejected' AND jsonb_typeof(m.reasons) = 'array'
           GROUP BY 1, 2, 3) x
   WHERE code IS NOT NULL
   GROUP BY day, direction
), steps AS (
  SELECT day, direction, jsonb_object_agg(agency, jsonb_build_object('count', n, 'p50', p50, 'p90', p90)) AS minutes
    FROM (SELECT (s.decided_at AT TIME ZONE g.timezone)::date AS day, d.direction, s.agency, count(*)::int AS n,
                 round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.decided_at - s.ready_at) / 60)::numeric, 1) AS p50,
                 round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.decided_at - s.ready_at) / 60)::numeric, 1) AS p90
            FROM g
            JOIN clearance_step s ON s.gate_code = g.code AND s.agency IN (${AGENCY_LIST})
             AND s.decided_at >= g.range_start AND s.decided_at < g.range_end
             AND s.decided_at >= $2::date - 1 AND s.decided_at < $3::date + 2
            JOIN declaration d ON d.id = s.declaration_id
           WHERE s.status IN ('passed', 'refused') AND s.ready_at IS NOT NULL
           GROUP BY 1, 2, 3) x
   GROUP BY day, direction
)
INSERT INTO daily_stats AS ds (gate_code, day, direction, counts, rejected_by_reason, step_minutes, computed_at)
SELECT c.code, c.day, c.direction, c.counts, coalesce(r.by_reason, '{}'), coalesce(st.minutes, '{}'), now()
  FROM counts c
  LEFT JOIN reasons r ON r.day = c.day AND r.direction = c.direction
  LEFT JOIN steps st ON st.day = c.day AND st.direction = c.direction
ON CONFLICT (gate_code, day, direction) DO UPDATE
   SET counts = EXCLUDED.counts, rejected_by_reason = EXCLUDED.rejected_by_reason,
       step_minutes = EXCLUDED.step_minutes, computed_at = EXCLUDED.computed_at
 WHERE ds.computed_at <= EXCLUDED.computed_at`;

export interface RollupResult {
  gate: string;
  from: string;
  to: string;
  rows: number;
}

/** Maintains daily_stats from the audit log. Idempotent: any range may be recomputed at any time. */
@Injectable()
export class StatsRollupService {
  constructor(private readonly sql: Sql) {}

  /** Recomputes `from`..`to` (local days of the gate) for one gate; returns the rows written. */
  async rollup(gate: string, from: string, to: string): Promise<number> {
    let rows = 0;
    for (const chunk of chunkRange(from, to, CHUNK_DAYS)) {
      rows += (await this.sql.rows(`${ROLLUP} RETURNING 1`, [gate, chunk.from, chunk.to])).length;
    }
    return rows;
  }

  /** Yesterday and today in each gate's time zone, for every gate: what the repeatable job runs. */
  async rollupRecent(): Promise<RollupResult[]> {
    const gates = await this.sql.rows<{ code: string; yesterday: string; today: string }>(
      `SELECT code, ((now() AT TIME ZONE timezone)::date - 1)::text AS yesterday,
              (now() AT TIME ZONE timezone)::date::text AS today
         FROM gate ORDER BY code`,
    );
    const results: RollupResult[] = [];
    for (const g of gates) {
      results.push({
        gate: g.code,
        from: g.yesterday,
        to: g.today,
        rows: await this.rollup(g.code, g.yesterday, g.today),
      });
    }
    return results;
  }

  /** Rebuilds any range of days for every gate (`stats:rebuild`). */
  async rebuild(from: string, to: string): Promise<RollupResult[]> {
    if (!isCalendarDay(from)) throw DomainError.invalidField('from', 'must be a calendar day written YYYY-MM-DD');
    if (!isCalendarDay(to)) throw DomainError.invalidField('to', 'must be a calendar day written YYYY-MM-DD');
    if (to < from) throw DomainError.invalidField('to', 'must not be before from');
    const gates = await this.sql.rows<{ code: string }>('SELECT code FROM gate ORDER BY code');
    const results: RollupResult[] = [];
    for (const g of gates) results.push({ gate: g.code, from, to, rows: await this.rollup(g.code, from, to) });
    return results;
  }
}
