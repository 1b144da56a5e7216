import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { Sql } from '../../database/sql.js';
import { lateCancellations, takeNoShows } from '../declarations/capacity.js';
import { BookingSanctions, SYSTEM_SLOT_WATCH } from './booking-sanctions.js';
import { noShowCutoff } from './slot-windows.js';

/** Most no-shows one gate's run takes; a full batch runs again at once. */
export const NO_SHOW_BATCH = 500;

/** How far back a cancelled booking is looked at for a late-cancellation strike. */
const CANCELLED_LOOKBACK_MS = 2 * 86_400_000;

export interface SlotWatchResult {
  noShows: number;
  strikes: number;
  suspensions: number;
}

/**
 * One run of the slot watch, per gate and by the Clock: the booked accepted declarations whose hour and late grace
 * are over lose their booking (`slot.no_show`) and get a no-show strike; the bookings cancelled less than the late
 * cancellation time before their hour get a late-cancellation strike; strikes reaching a limit open a suspension.
 * Idempotent (a strike is recorded once per declaration and kind), and safe with several workers (SKIP LOCKED).
 */
@Injectable()
export class SlotWatchService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly sanctions: BookingSanctions,
  ) {}

  async runOnce(): Promise<SlotWatchResult> {
    const total: SlotWatchResult = { noShows: 0, strikes: 0, suspensions: 0 };
    const rules = await this.sql.rows<{ gate_code: GateCode; late_grace_ms: number; late_cancellation_s: number }>(
      `SELECT gate_code, (extract(epoch FROM late_grace) * 1000)::float8 AS late_grace_ms,
              extract(epoch FROM late_cancellation)::float8 AS late_cancellation_s
         FROM booking_rule ORDER BY gate_code`,
    );
    for (const rule of rules) {
      const now = this.clock.now();
      await this.sql.dataSource.transaction(async (manager) => {
        const lapsed = await takeNoShows(
          manager,
          rule.gate_code,
          noShowCutoff(now, rule.late_grace_ms),
          NO_SHOW_BATCH,
          SYSTEM_SLOT_WATCH,
        );
        total.noShows += lapsed.length;
        const struck = await this.sanctions.strike(
          manager,
          'no_show',
          lapsed.map((b) => ({
            declarationId: b.id,
            companyId: b.company_id,
            plate: b.plate,
            gate: b.gate_code,
            slotStart: b.slot_start,
            at: now,
          })),
        );
        total.strikes += struck.strikes;
        total.suspensions += struck.suspensions;
      });
      await this.sql.dataSource.transaction(async (manager) => {
        const cancelled = await lateCancellations(
          manager,
          rule.gate_code,
          new Date(now.getTime() - CANCELLED_LOOKBACK_MS),
          rule.late_cancellation_s,
        );
        const struck = await this.sanctions.strike(
          manager,
          'late_cancellation',
          cancelled.map((b) => ({
            declarationId: b.id,
            companyId: b.company_id,
            plate: b.plate,
            gate: b.gate_code,
            slotStart: b.slot_start,
            at: b.cancelled_at,
          })),
        );
        total.strikes += struck.strikes;
        total.suspensions += struck.suspensions;
      });
    }
    return total;
  }
}
