import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import { rowsIn, Sql } from '../../database/sql.js';

/** A gate's booking rule with its lengths in seconds. */
export interface BookingRuleRow {
  gate_code: GateCode;
  early_allowance_seconds: number;
  late_grace_seconds: number;
  late_cancellation_seconds: number;
  strike_window_seconds: number;
  vehicle_strike_limit: number;
  company_strike_limit: number;
  suspension_seconds: number;
  booking_horizon_seconds: number;
  updated_at: Date;
  updated_by: string | null;
}

const SECONDS = (column: string) => `extract(epoch FROM ${column})::int AS ${column}_seconds`;

export const BOOKING_RULE = `
SELECT gate_code, ${SECONDS('early_allowance')}, ${SECONDS('late_grace')}, ${SECONDS('late_cancellation')},
       ${SECONDS('strike_window')}, vehicle_strike_limit, company_strike_limit, ${SECONDS('suspension')},
       ${SECONDS('booking_horizon')}, updated_at, updated_by
  FROM booking_rule WHERE gate_code = $1`;

/** The booking rules of the gates (one row per gate). */
@Injectable()
export class BookingRuleRepository {
  constructor(private readonly sql: Sql) {}

  rule(gate: GateCode): Promise<BookingRuleRow | null> {
    return this.sql.one<BookingRuleRow>(BOOKING_RULE, [gate]);
  }

  async ruleIn(manager: EntityManager, gate: GateCode): Promise<BookingRuleRow | null> {
    return (await rowsIn<BookingRuleRow>(manager, BOOKING_RULE, [gate]))[0] ?? null;
  }
}
