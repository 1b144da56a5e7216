import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { Sql } from '../../database/sql.js';
import { DailyFiguresRepository } from '../declarations/daily-figures.repository.js';
import { chunkRange, isCalendarDay } from './day-range.js';
import { type DailyFees, FeeCollectionsRepository } from './fee-collections.repository.js';
import { msg } from '../../common/i18n/message.js';

/** Longest range one rollup read covers; longer rebuilds run chunk by chunk. */
const CHUNK_DAYS = 31;

// The figures as read, written only if no newer computation got there first: computed_at is when they were read,
// so a slow rollup never overwrites the figures of one that read after it.
const WRITE = `
INSERT INTO daily_stats AS ds (gate_code, day, direction, counts, rejected_by_reason, step_minutes, fees, computed_at)
SELECT f.gate_code, f.day, f.direction, f.counts, f.rejected_by_reason, f.step_minutes, f.fees, f.computed_at
  FROM jsonb_to_recordset($1::jsonb) AS f(gate_code text, day date, direction text, counts jsonb,
                                           rejected_by_reason jsonb, step_minutes jsonb, fees jsonb, computed_at timestamptz)
ON CONFLICT (gate_code, day, direction) DO UPDATE
   SET counts = EXCLUDED.counts, rejected_by_reason = EXCLUDED.rejected_by_reason,
       step_minutes = EXCLUDED.step_minutes, fees = EXCLUDED.fees, computed_at = EXCLUDED.computed_at
 WHERE ds.computed_at <= EXCLUDED.computed_at
RETURNING 1`;

const NO_FEES: DailyFees = { count: 0, totalVnd: 0, byClass: {} };

export interface RollupResult {
  gate: string;
  from: string;
  to: string;
  rows: number;
}

/** Maintains daily_stats from the audit log. Idempotent: any range may be recomputed at any time. */
@Injectable()
export class StatsRollupService {
  constructor(
    private readonly sql: Sql,
    private readonly declarations: DailyFiguresRepository,
    private readonly fees: FeeCollectionsRepository,
  ) {}

  /** Recomputes `from`..`to` (local days of the gate) for one gate; returns the rows written. */
  async rollup(gate: string, from: string, to: string): Promise<number> {
    let rows = 0;
    for (const chunk of chunkRange(from, to, CHUNK_DAYS)) {
      const figures = await this.declarations.dailyFigures(gate, chunk.from, chunk.to);
      const fees = new Map(
        (await this.fees.dailyTotals(gate, chunk.from, chunk.to)).map((f) => [`${f.day}/${f.direction}`, f.fees]),
      );
      const withFees = figures.map((f) => ({ ...f, fees: fees.get(`${f.day}/${f.direction}`) ?? NO_FEES }));
      rows += (await this.sql.rows(WRITE, [JSON.stringify(withFees)])).length;
    }
    return rows;
  }

  /** Yesterday and today in each gate's time zone, for every gate: what the repeatable job runs. */
  async rollupRecent(): Promise<RollupResult[]> {
    const gates = await this.declarations.recentDays();
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
    if (!isCalendarDay(from)) throw DomainError.invalidField('from', msg('field.calendarDay'));
    if (!isCalendarDay(to)) throw DomainError.invalidField('to', msg('field.calendarDay'));
    if (to < from) throw DomainError.invalidField('to', msg('field.notBeforeFrom'));
    const results: RollupResult[] = [];
    for (const gate of await this.declarations.gateCodes()) {
      results.push({ gate, from, to, rows: await this.rollup(gate, from, to) });
    }
    return results;
  }
}
