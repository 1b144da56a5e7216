import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { rowsIn, Sql } from '../../database/sql.js';

/** One hour slot of a gate and direction: what it takes, what is booked, what is left. */
export interface SlotHourRow {
  slot_start: Date;
  direction: Direction;
  capacity: number;
  booked: number;
  free: number;
  /** The calendar exception that sets this hour's capacity, or null for the standing capacity. */
  exception_reason: string | null;
}

/**
 * Each hour from $3 (a whole hour) for $4 hours, in the directions $2 (an array), of gate $1: the capacity is the
 * latest calendar exception covering the hour, else the standing capacity of that hour of the gate's local day; the
 * booked count is the hourly ledger's. An hour is free only while its day also has room (the day's capacity less its
 * accepted declarations, `gate_day_load`): screening takes both, so an hour with room on a full day is not offered.
 * An hour booked beyond a capacity lowered later shows free 0, never below.
 */
export const SLOT_HOURS = `
SELECT s.slot_start, d.direction,
       COALESCE(e.capacity_per_hour, c.capacity) AS capacity,
       COALESCE(l.booked, 0) AS booked,
       GREATEST(LEAST(COALESCE(e.capacity_per_hour, c.capacity) - COALESCE(l.booked, 0),
                      CASE d.direction WHEN 'export' THEN g.capacity_export_per_day ELSE g.capacity_import_per_day END
                        - COALESCE(dl.accepted, 0)), 0) AS free,
       e.reason AS exception_reason
  FROM gate g
 CROSS JOIN unnest($2::text[]) d (direction)
 CROSS JOIN generate_series($3::timestamptz, $3::timestamptz + ($4::int - 1) * interval '1 hour', interval '1 hour') s (slot_start)
  JOIN gate_hour_capacity c
    ON c.gate_code = g.code AND c.direction = d.direction
   AND c.hour = extract(hour FROM s.slot_start AT TIME ZONE g.timezone)
  LEFT JOIN LATERAL (
        SELECT x.capacity_per_hour, x.reason
          FROM gate_capacity_exception x
         WHERE x.gate_code = g.code AND (x.direction IS NULL OR x.direction = d.direction) AND x.removed_at IS NULL
           AND x.starts_at <= s.slot_start AND s.slot_start < x.ends_at
         ORDER BY x.created_at DESC
         LIMIT 1) e ON true
  LEFT JOIN gate_hour_load l ON l.gate_code = g.code AND l.direction = d.direction AND l.slot_start = s.slot_start
  LEFT JOIN gate_day_load dl
    ON dl.gate_code = g.code AND dl.direction = d.direction AND dl.day = (s.slot_start AT TIME ZONE g.timezone)::date
 WHERE g.code = $1
 ORDER BY s.slot_start, d.direction`;

/** The most hours one read covers: two weeks. */
export const MAX_SLOT_HOURS = 14 * 24;

/** Reads the hour slots of a gate: capacity (standing or the calendar's), bookings and what is free. */
@Injectable()
export class SlotHoursRepository {
  constructor(private readonly sql: Sql) {}

  /** `from` must be a whole hour; `hours` at most MAX_SLOT_HOURS. */
  hours(gate: GateCode, directions: readonly Direction[], from: Date, hours: number): Promise<SlotHourRow[]> {
    return this.sql.rows<SlotHourRow>(SLOT_HOURS, [gate, directions, from, hours]);
  }

  /** The same, inside a caller's transaction (a booking checks the hour it takes). */
  hoursIn(
    manager: EntityManager,
    gate: GateCode,
    directions: readonly Direction[],
    from: Date,
    hours: number,
  ): Promise<SlotHourRow[]> {
    return rowsIn<SlotHourRow>(manager, SLOT_HOURS, [gate, directions, from, hours]);
  }
}

/** The whole hour at or before `at`. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}
