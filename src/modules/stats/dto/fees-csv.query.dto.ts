import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDay, IsDayRangeEnd } from '../day-range.js';

/** Longest range one export may cover: a month's statement and then some. */
export const MAX_FEES_CSV_RANGE_DAYS = 31;

export class FeesCsvQueryDto {
  @ApiProperty({ example: '2026-12-01', description: "First day (the gate's local day), YYYY-MM-DD" })
  @IsCalendarDay()
  from: string;

  @ApiProperty({
    example: '2026-12-07',
    description: `Last day, included; at most ${MAX_FEES_CSV_RANGE_DAYS} days from \`from\` (both included)`,
  })
  @IsCalendarDay()
  @IsDayRangeEnd('from', MAX_FEES_CSV_RANGE_DAYS)
  to: string;
}
