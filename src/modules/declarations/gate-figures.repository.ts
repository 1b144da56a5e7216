import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

/** One direction's figures on a gate's board today. */
export interface BoardDirectionRow {
  direction: Direction;
  capacity: number;
  booked: number;
  expected_today: number;
  in_yard: number;
  cleared_today: number;
  exited_today: number;
  /** Waiting steps by agency; an agency with none is absent. */
  waiting: Partial<Record<string, number>>;
  median_minutes: number | null;
  last_hour: number;
}

/** A gate's board as one row: the gate's state and today's figures per direction. */
export interface BoardRow {
  code: string;
  open: boolean;
  closed_reason: string | null;
  closed_at: Date | null;
  timezone: string;
  /** `gate.yard_capacity`: vehicles the gate's own yard holds at once. */
  yard_capacity: number;
  today: string;
  updated_at: Date;
  median_minutes: number | null;
  directions: BoardDirectionRow[];
}

// One statement per board. "Today" is the gate's local day; every part reads through an index:
// IDX_declaration_gate_day (expected), IDX_declaration_gate_plate_live (in the yard, a partial index),
// IDX_clearance_step_queue (waiting), IDX_declaration_event_at (cleared / exited today), IDX_declaration_exited.
const BOARD = `
WITH g AS (
  SELECT code, open, closed_reason, closed_at, timezone, capacity_export_per_day, capacity_import_per_day, yard_capacity,
         (now() AT TIME ZONE timezone)::date AS today
    FROM gate WHERE code = $1
), span AS (
  SELECT code, today, today::timestamp AT TIME ZONE timezone AS day_start,
         (today + 1)::timestamp AT TIME ZONE timezone AS day_end
    FROM g
), expected AS (
  SELECT d.direction, count(*)::int AS n
    FROM span JOIN declaration d ON d.gate_code = span.code AND d.arrival_day = span.today AND d.status = 'accepted'
   GROUP BY d.direction
), in_yard AS (
  SELECT d.direction, count(*)::int AS n
    FROM g JOIN declaration d ON d.gate_code = g.code AND d.status IN ('in_yard', 'cleared', 'refused')
   GROUP BY d.direction
), waiting AS (
  SELECT d.direction, s.agency, count(*)::int AS n
    FROM g
    JOIN clearance_step s ON s.gate_code = g.code AND s.status = 'waiting' AND s.ready_at IS NOT NULL
    JOIN declaration d ON d.id = s.declaration_id AND d.status = 'in_yard'
   GROUP BY d.direction, s.agency
), moved AS (
  -- The direction by primary key per event: a join would let the planner hash the whole declaration table.
  SELECT (SELECT d.direction FROM declaration d WHERE d.id = e.declaration_id) AS direction,
         count(*) FILTER (WHERE e.to_status = 'cleared')::int AS cleared,
         count(*) FILTER (WHERE e.to_status = 'exited')::int AS exited
    FROM span
    JOIN declaration_event e ON e.at >= span.day_start AND e.at < span.day_end AND e.gate_code = span.code
     AND e.action = 'transition' AND e.to_status IN ('cleared', 'exited')
     -- Redundant (today began less than a day ago), but the planner can estimate it where it cannot estimate
     -- the CTE's bounds: without it, it expects a ninth of the log and plans (and JIT-compiles) for that.
     AND e.at > now() - interval '2 days'
   GROUP BY 1
), exits AS (
  SELECT d.direction, extract(epoch FROM d.exited_at - d.arrived_at) / 60 AS minutes,
         d.exited_at >= now() - interval '1 hour' AS last_hour
    FROM g JOIN declaration d ON d.gate_code = g.code AND d.exited_at >= now() - make_interval(hours => $2)
), per_direction AS (
  SELECT dir.direction,
         CASE dir.direction WHEN 'export' THEN g.capacity_export_per_day ELSE g.capacity_import_per_day END AS capacity,
         coalesce(l.accepted, 0) AS booked,
         coalesce(ex.n, 0) AS expected_today,
         coalesce(y.n, 0) AS in_yard,
         coalesce(m.cleared, 0) AS cleared_today,
         coalesce(m.exited, 0) AS exited_today,
         (SELECT coalesce(jsonb_object_agg(w.agency, w.n), '{}') FROM waiting w WHERE w.direction = dir.direction) AS waiting,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.minutes) FROM exits x WHERE x.direction = dir.direction)
           AS median_minutes,
         (SELECT count(*)::int FROM exits x WHERE x.direction = dir.direction AND x.last_hour) AS last_hour
    FROM g
    CROSS JOIN (VALUES ('export'), ('import')) AS dir(direction)
    LEFT JOIN gate_day_load l ON l.gate_code = g.code AND l.direction = dir.direction AND l.day = g.today
    LEFT JOIN expected ex ON ex.direction = dir.direction
    LEFT JOIN in_yard y ON y.direction = dir.direction
    LEFT JOIN moved m ON m.direction = dir.direction
)
SELECT g.code, g.open, g.closed_reason, g.closed_at, g.timezone, g.yard_capacity, g.today::text AS today, now() AS updated_at,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.minutes) FROM exits x) AS median_minutes,
       (SELECT json_agg(p ORDER BY p.direction) FROM per_direction p) AS directions
  FROM g`;

/** Arrivals (check-ins) and exits recorded in one local hour of today; hours without any are absent. */
export interface HourlyMovesRow {
  hour: number;
  arrivals: number;
  exits: number;
}

// Today's check-ins and exits by local hour, through IDX_declaration_event_at like the board's `moved`.
const HOURLY = `
WITH span AS (
  SELECT code, timezone, (now() AT TIME ZONE timezone)::date::timestamp AT TIME ZONE timezone AS day_start,
         ((now() AT TIME ZONE timezone)::date + 1)::timestamp AT TIME ZONE timezone AS day_end
    FROM gate WHERE code = $1
)
SELECT extract(hour FROM e.at AT TIME ZONE span.timezone)::int AS hour,
       count(*) FILTER (WHERE e.to_status = 'in_yard')::int AS arrivals,
       count(*) FILTER (WHERE e.to_status = 'exited')::int AS exits
  FROM span
  JOIN declaration_event e ON e.at >= span.day_start AND e.at < span.day_end AND e.gate_code = span.code
   AND e.action = 'transition' AND e.to_status IN ('in_yard', 'exited')
   AND e.at > now() - interval '2 days' -- see BOARD's moved
 GROUP BY 1
 ORDER BY 1`;

/** Accepted trucks still expected at a gate in one hour slot. */
export interface ExpectedArrivalsRow {
  slot_start: Date;
  arrivals: number;
}

// The accepted declarations of gate $1 expected from the hour $2 until $3: a booked one in its slot hour (one whose
// slot already began is still due, within its late grace: counted in the first hour), an unbooked one in the hour
// of its expected arrival (one already late is not counted). Through IDX_declaration_gate_day: the arrival days
// around the span, in the gate's time zone.
const EXPECTED_ARRIVALS = `
SELECT greatest(to_timestamp(floor(extract(epoch FROM coalesce(d.slot_start, d.expected_arrival_at)) / 3600) * 3600),
                $2::timestamptz) AS slot_start,
       count(*)::int AS arrivals
  FROM gate g
  JOIN declaration d ON d.gate_code = g.code AND d.status = 'accepted'
   AND d.arrival_day BETWEEN ($2::timestamptz AT TIME ZONE g.timezone)::date - 1 AND ($3::timestamptz AT TIME ZONE g.timezone)::date
 WHERE g.code = $1
   AND (d.slot_start < $3 OR (d.slot_start IS NULL AND d.expected_arrival_at >= $2 AND d.expected_arrival_at < $3))
 GROUP BY 1
 ORDER BY 1`;

// Exits of gate $1 in [$2, $3), through IDX_declaration_exited.
const EXITS_BETWEEN = `
SELECT count(*)::int AS exits FROM declaration WHERE gate_code = $1 AND exited_at >= $2 AND exited_at < $3`;

/** The figures a gate's public board shows, from the declarations, their audit log and the clearance steps. */
@Injectable()
export class GateFiguresRepository {
  constructor(private readonly sql: Sql) {}

  /** Null for a gate that is not in the reference data. Read from a replica when there is one. */
  board(gate: GateCode, medianWindowHours: number): Promise<BoardRow | null> {
    return this.sql.readOne<BoardRow>(BOARD, [gate, medianWindowHours]);
  }

  /** Today's arrivals and exits per local hour of the gate, for the board's chart. */
  hourlyMoves(gate: GateCode): Promise<HourlyMovesRow[]> {
    return this.sql.readRows<HourlyMovesRow>(HOURLY, [gate]);
  }

  /** The trucks still expected per hour slot from the whole hour `from` for `hours` hours (hours without any absent). */
  expectedArrivals(gate: GateCode, from: Date, hours: number): Promise<ExpectedArrivalsRow[]> {
    const until = new Date(from.getTime() + hours * 3_600_000);
    return this.sql.readRows<ExpectedArrivalsRow>(EXPECTED_ARRIVALS, [gate, from, until]);
  }

  /** How many vehicles left by the gate in [from, until): the board's measured service rate. */
  async exitsBetween(gate: GateCode, from: Date, until: Date): Promise<number> {
    return (await this.sql.readOne<{ exits: number }>(EXITS_BETWEEN, [gate, from, until]))?.exits ?? 0;
  }
}
