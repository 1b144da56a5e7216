import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { GATE_CODES } from '../../../common/domain/gate-code.js';
import { IsCalendarDay, IsDayRangeEnd } from '../day-range.js';

/** Longest range one request may ask for: a leap year. */
export const MAX_STATS_RANGE_DAYS = 366;

export class DailyStatsQueryDto {
  @ApiProperty({ enum: GATE_CODES })
  @IsIn(GATE_CODES)
  gate: string;

  @ApiProperty({ example: '2026-11-01', description: "First day (the gate's local day), YYYY-MM-DD" })
  @IsCalendarDay()
  from: string;

  @ApiProperty({
    example: '2026-11-30',
    description: `Last day, included; at most ${MAX_STATS_RANGE_DAYS} days from \`from\` (both included)`,
  })
  @IsCalendarDay()
  @IsDayRangeEnd('from', MAX_STATS_RANGE_DAYS)
  to: string;
}
