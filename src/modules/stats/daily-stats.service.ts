import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { STEP_AGENCIES, type StepAgency } from '../officers/agency.js';
import { eachDay } from './day-range.js';
import type { DailyFees } from './fee-collections.repository.js';
import type { DailyStatsItemDto, DailyStatsResponseDto, StepMinutesDto } from './dto/daily-stats.response.dto.js';
import { DAILY_COUNTS, type DailyCount } from '../declarations/daily-figures.repository.js';
import { msg } from '../../common/i18n/message.js';

interface DailyStatsRow {
  day: string;
  direction: string;
  counts: Partial<Record<DailyCount, number>>;
  rejected_by_reason: Record<string, number>;
  step_minutes: Partial<Record<StepAgency, StepMinutesDto>>;
  fees: Partial<DailyFees>;
  computed_at: Date;
}

const NO_STEPS: StepMinutesDto = { count: 0, p50: null, p90: null };

function toItem(row: DailyStatsRow): DailyStatsItemDto {
  const counts = Object.fromEntries(
    Object.keys(DAILY_COUNTS).map((k) => [k, row.counts[k as DailyCount] ?? 0]),
  ) as Record<DailyCount, number>;
  return {
    day: row.day,
    direction: row.direction,
    ...counts,
    rejectedByReason: row.rejected_by_reason,
    stepMinutes: Object.fromEntries(
      STEP_AGENCIES.map((agency) => [agency, row.step_minutes[agency] ?? NO_STEPS]),
    ) as Record<StepAgency, StepMinutesDto>,
    fees: { count: row.fees.count ?? 0, totalVnd: row.fees.totalVnd ?? 0, byClass: row.fees.byClass ?? {} },
    computedAt: row.computed_at.toISOString(),
  };
}

/** Daily statistics for supervisors, read from the daily_stats rollup only (never computed on request). */
@Injectable()
export class DailyStatsService {
  constructor(private readonly sql: Sql) {}

  async daily(officer: AuthenticatedOfficer, gate: GateCode, from: string, to: string): Promise<DailyStatsResponseDto> {
    assertOfficerMay(officer, gate, [], msg('action.readStats'));
    const rows = await this.sql.readRows<DailyStatsRow>(
      `SELECT day::text AS day, direction, counts, rejected_by_reason, step_minutes, fees, computed_at
         FROM daily_stats WHERE gate_code = $1 AND day BETWEEN $2::date AND $3::date
        ORDER BY day, direction = 'import', direction`,
      [gate, from, to],
    );
    const computed = new Set(rows.map((r) => r.day));
    return {
      gate,
      from,
      to,
      items: rows.map(toItem),
      missingDays: eachDay(from, to).filter((day) => !computed.has(day)),
    };
  }
}
