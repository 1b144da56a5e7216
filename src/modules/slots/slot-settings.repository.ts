import { Injectable } from '@nestjs/common';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { Sql } from '../../database/sql.js';
import { BOOKING_RULE, type BookingRuleRow } from './booking-rule.repository.js';

export interface HourCapacityRow {
  direction: Direction;
  hour: number;
  capacity: number;
  updated_at: Date;
  updated_by: string | null;
}

export interface CapacityExceptionRow {
  id: string;
  gate_code: GateCode;
  direction: Direction | null;
  starts_at: Date;
  ends_at: Date;
  capacity_per_hour: number;
  reason: string;
  created_at: Date;
  created_by: string | null;
}

/** The lengths of a booking rule in seconds, as a supervisor sets them. */
export interface BookingRuleChange {
  earlyAllowanceSeconds: number;
  lateGraceSeconds: number;
  lateCancellationSeconds: number;
  strikeWindowSeconds: number;
  vehicleStrikeLimit: number;
  companyStrikeLimit: number;
  suspensionSeconds: number;
  bookingHorizonSeconds: number;
}

const EXCEPTION_COLUMNS = `id, gate_code, direction, starts_at, ends_at, capacity_per_hour, reason, created_at, created_by`;

/** What supervisors tune: the standing hourly capacity, its calendar of exceptions, the booking rule. */
@Injectable()
export class SlotSettingsRepository {
  constructor(private readonly sql: Sql) {}

  async timezone(gate: GateCode): Promise<string> {
    const row = await this.sql.one<{ timezone: string }>('SELECT timezone FROM gate WHERE code = $1', [gate]);
    return row?.timezone ?? 'Asia/Ho_Chi_Minh';
  }

  hourCapacity(gate: GateCode, directions: readonly Direction[]): Promise<HourCapacityRow[]> {
    return this.sql.rows<HourCapacityRow>(
      `SELECT direction, hour, capacity, updated_at, updated_by FROM gate_hour_capacity
        WHERE gate_code = $1 AND direction = ANY ($2::text[]) ORDER BY direction, hour`,
      [gate, directions],
    );
  }

  /** Sets the listed hours of one direction (the others stay); one statement. */
  async setHourCapacity(
    gate: GateCode,
    direction: Direction,
    hours: { hour: number; capacity: number }[],
    officerId: string,
  ): Promise<void> {
    await this.sql.rows(
      `UPDATE gate_hour_capacity c SET capacity = h.capacity, updated_at = now(), updated_by = $5
         FROM unnest($3::smallint[], $4::int[]) h (hour, capacity)
        WHERE c.gate_code = $1 AND c.direction = $2 AND c.hour = h.hour`,
      [gate, direction, hours.map((h) => h.hour), hours.map((h) => h.capacity), officerId],
    );
  }

  /** The exceptions not removed that end after `from`, by start. */
  exceptions(gate: GateCode, from: Date): Promise<CapacityExceptionRow[]> {
    return this.sql.rows<CapacityExceptionRow>(
      `SELECT ${EXCEPTION_COLUMNS} FROM gate_capacity_exception
        WHERE gate_code = $1 AND removed_at IS NULL AND ends_at > $2 ORDER BY starts_at, created_at LIMIT 500`,
      [gate, from],
    );
  }

  async addException(
    gate: GateCode,
    e: { direction: Direction | null; startsAt: Date; endsAt: Date; capacityPerHour: number; reason: string },
    officerId: string,
  ): Promise<CapacityExceptionRow> {
    const row = await this.sql.one<CapacityExceptionRow>(
      `INSERT INTO gate_capacity_exception (gate_code, direction, starts_at, ends_at, capacity_per_hour, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${EXCEPTION_COLUMNS}`,
      [gate, e.direction, e.startsAt, e.endsAt, e.capacityPerHour, e.reason, officerId],
    );
    return row!;
  }

  /** Removes an exception of the gate; false when there is none (or it was removed already). */
  async removeException(gate: GateCode, id: string, officerId: string): Promise<boolean> {
    const rows = await this.sql.rows(
      `UPDATE gate_capacity_exception SET removed_at = now(), removed_by = $3
        WHERE id = $2 AND gate_code = $1 AND removed_at IS NULL RETURNING id`,
      [gate, id, officerId],
    );
    return rows.length > 0;
  }

  async setRule(gate: GateCode, r: BookingRuleChange, officerId: string): Promise<BookingRuleRow> {
    await this.sql.rows(
      `UPDATE booking_rule SET early_allowance = make_interval(secs => $2), late_grace = make_interval(secs => $3),
              late_cancellation = make_interval(secs => $4), strike_window = make_interval(secs => $5),
              vehicle_strike_limit = $6, company_strike_limit = $7, suspension = make_interval(secs => $8),
              booking_horizon = make_interval(secs => $9), updated_at = now(), updated_by = $10
        WHERE gate_code = $1`,
      [
        gate,
        r.earlyAllowanceSeconds,
        r.lateGraceSeconds,
        r.lateCancellationSeconds,
        r.strikeWindowSeconds,
        r.vehicleStrikeLimit,
        r.companyStrikeLimit,
        r.suspensionSeconds,
        r.bookingHorizonSeconds,
        officerId,
      ],
    );
    return (await this.sql.one<BookingRuleRow>(BOOKING_RULE, [gate]))!;
  }
}
