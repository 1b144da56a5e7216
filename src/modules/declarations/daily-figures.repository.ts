import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import type { Direction } from '../../common/domain/gate-code.js';
import { STEP_AGENCIES } from '../officers/agency.js';

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

// One statement per gate and range of local days: a row for every day and direction (zeros included, so a
// day that was computed and saw nothing reads as zeros).
// Counts come from the audit log's transitions by their time; step minutes from clearance steps decided that
// day (final decisions only), from the moment the step entered its queue (ready_at) to the decision.
// The bounds widened by a day on each side are redundant, but the planner can estimate them (it cannot
// estimate the gate's local bounds) and so reads a day's rows by index instead of hashing whole tables.
const DAILY_FIGURES = `
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
SELECT c.code AS gate_code, c.day::text AS day, c.direction, c.counts, coalesce(r.by_reason, '{}') AS rejected_by_reason,
       coalesce(st.minutes, '{}') AS step_minutes, now()::text AS computed_at
  FROM counts c
  LEFT JOIN reasons r ON r.day = c.day AND r.direction = c.direction
  LEFT JOIN steps st ON st.day = c.day AND st.direction = c.direction
 ORDER BY c.day, c.direction`;

/** One gate's figures for one local day and direction. */
export interface DailyFiguresRow {
  gate_code: string;
  /** The gate's local day, YYYY-MM-DD. */
  day: string;
  direction: Direction;
  counts: Record<DailyCount, number>;
  /** Rejections by reason code. */
  rejected_by_reason: Record<string, number>;
  /** Final step decisions by agency: how many, and the median and 90th percentile of minutes from queue to decision. */
  step_minutes: Record<string, { count: number; p50: number; p90: number }>;
  /** When the figures were read, as PostgreSQL prints a timestamptz (microseconds kept). */
  computed_at: string;
}

/** The daily figures of each gate, counted from the audit log and the clearance steps. */
@Injectable()
export class DailyFiguresRepository {
  constructor(private readonly sql: Sql) {}

  /** Every day from `from` to `to` (the gate's local days, YYYY-MM-DD) and both directions, zeros included. */
  dailyFigures(gate: string, from: string, to: string): Promise<DailyFiguresRow[]> {
    return this.sql.rows<DailyFiguresRow>(DAILY_FIGURES, [gate, from, to]);
  }

  /** Every gate with yesterday and today in its own time zone. */
  recentDays(): Promise<{ code: string; yesterday: string; today: string }[]> {
    return this.sql.rows(
      `SELECT code, ((now() AT TIME ZONE timezone)::date - 1)::text AS yesterday,
              (now() AT TIME ZONE timezone)::date::text AS today
         FROM gate ORDER BY code`,
    );
  }

  /** The codes of every gate. */
  async gateCodes(): Promise<string[]> {
    return (await this.sql.rows<{ code: string }>('SELECT code FROM gate ORDER BY code')).map((g) => g.code);
  }
}
