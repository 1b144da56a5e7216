import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import type { Direction } from '../../common/domain/gate-code.js';

/** One gate's local days from $2 to $3 (both included), as instants. */
const GATE_DAYS = `SELECT code, timezone,
         $2::date::timestamp AT TIME ZONE timezone AS range_start,
         ($3::date + 1)::timestamp AT TIME ZONE timezone AS range_end
    FROM gate WHERE code = $1`;

// The fees collected: passed fee steps, by the moment they passed (the gate's local day). The bounds widened by a
// day are redundant but estimable, so the planner reads the range by the decided-steps index.
const COLLECTED = `
WITH g AS (${GATE_DAYS})
SELECT s.id, s.decided_at,
       extract(epoch FROM (s.decided_at AT TIME ZONE g.timezone) - (s.decided_at AT TIME ZONE 'UTC'))::int / 60
         AS utc_offset_minutes,
       d.reference, d.plate, d.direction, s.fee_vehicle_class AS vehicle_class, s.fee_goods_category AS goods_category,
       s.fee_base_vnd AS base_vnd, s.fee_percent AS percent, s.fee_amount_vnd AS amount_vnd,
       s.fee_exemption_code AS exemption_code, s.fee_schedule_id AS schedule_id, s.payment_reference,
       o.username AS officer
  FROM g
  JOIN clearance_step s ON s.gate_code = g.code AND s.agency = 'yard' AND s.decided_at IS NOT NULL
   AND s.decided_at >= g.range_start AND s.decided_at < g.range_end
   AND s.decided_at >= $2::date - 1 AND s.decided_at < $3::date + 2
  JOIN declaration d ON d.id = s.declaration_id
  LEFT JOIN officer o ON o.id = s.decided_by
 WHERE s.kind = 'fee' AND s.status = 'passed'
 ORDER BY s.decided_at, s.id`;

const DAILY_TOTALS = `
WITH g AS (${GATE_DAYS}),
f AS (
  SELECT (s.decided_at AT TIME ZONE g.timezone)::date AS day, d.direction,
         coalesce(s.fee_vehicle_class, 'unknown') AS vehicle_class,
         count(*)::int AS n, coalesce(sum(s.fee_amount_vnd), 0)::bigint AS total
    FROM g
    JOIN clearance_step s ON s.gate_code = g.code AND s.agency = 'yard' AND s.decided_at IS NOT NULL
     AND s.decided_at >= g.range_start AND s.decided_at < g.range_end
     AND s.decided_at >= $2::date - 1 AND s.decided_at < $3::date + 2
    JOIN declaration d ON d.id = s.declaration_id
   WHERE s.kind = 'fee' AND s.status = 'passed'
   GROUP BY 1, 2, 3)
SELECT day::text AS day, direction,
       jsonb_build_object('count', sum(n), 'totalVnd', sum(total),
                          'byClass', jsonb_object_agg(vehicle_class, jsonb_build_object('count', n, 'totalVnd', total)))
         AS fees
  FROM f GROUP BY day, direction ORDER BY day, direction`;

/** A passed fee step, as the finance office's export lists it. */
export interface CollectedFeeRow {
  id: string;
  decided_at: Date;
  /** The gate's offset from UTC at that moment, minutes. */
  utc_offset_minutes: number;
  reference: string;
  plate: string;
  direction: Direction;
  vehicle_class: string | null;
  goods_category: string | null;
  base_vnd: string | null;
  percent: number | null;
  amount_vnd: string | null;
  exemption_code: string | null;
  schedule_id: string | null;
  payment_reference: string | null;
  officer: string | null;
}

/** The fees of one local day and direction: how many, how much, and the same by vehicle class. */
export interface DailyFees {
  count: number;
  totalVnd: number;
  byClass: Record<string, { count: number; totalVnd: number }>;
}

/** The fees collected at a gate, read from the passed fee steps. */
@Injectable()
export class FeeCollectionsRepository {
  constructor(private readonly sql: Sql) {}

  /** Every fee collected at `gate` on its local days `from`..`to`, in the order collected. */
  collected(gate: string, from: string, to: string): Promise<CollectedFeeRow[]> {
    return this.sql.readRows<CollectedFeeRow>(COLLECTED, [gate, from, to]);
  }

  /** Per local day and direction with any fee collected: the totals (days without fees are absent). */
  async dailyTotals(
    gate: string,
    from: string,
    to: string,
  ): Promise<{ day: string; direction: string; fees: DailyFees }[]> {
    const rows = await this.sql.rows<{ day: string; direction: string; fees: DailyFees }>(DAILY_TOTALS, [
      gate,
      from,
      to,
    ]);
    return rows.map((r) => ({
      ...r,
      fees: { ...r.fees, count: Number(r.fees.count), totalVnd: Number(r.fees.totalVnd) },
    }));
  }
}
