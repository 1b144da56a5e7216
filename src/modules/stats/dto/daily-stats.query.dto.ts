import { ApiProperty } from '@nestjs/swagger';
import { GATE_CODES } from '../../../common/domain/gate-code.js';
import { IsGateCode } from '../../../common/validation/gate-field.js';
import { IsCalendarDay, IsDayRangeEnd } from '../day-range.js';

/** Longest range one request may ask for: a leap year. */
export const MAX_STATS_RANGE_DAYS = 366;

export class DailyStatsQueryDto {
  @ApiProperty({ enum: GATE_CODES, description: 'Any letter case (`huu_nghi`)' })
  @IsGateCode()
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
