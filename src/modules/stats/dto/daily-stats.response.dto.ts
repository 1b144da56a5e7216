import { ApiProperty } from '@nestjs/swagger';
import { DIRECTIONS, GATE_CODES } from '../../../common/domain/gate-code.js';

export class StepMinutesDto {
  @ApiProperty({ description: 'Steps of this agency decided (passed or refused) that day' }) count: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Median minutes from entering the queue to the decision' })
  p50: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '90th percentile, minutes' }) p90: number | null;
}

export class StepMinutesByAgencyDto {
  @ApiProperty({ type: StepMinutesDto }) customs: StepMinutesDto;
  @ApiProperty({ type: StepMinutesDto }) border_guard: StepMinutesDto;
  @ApiProperty({ type: StepMinutesDto }) quarantine: StepMinutesDto;
  @ApiProperty({ type: StepMinutesDto }) yard: StepMinutesDto;
}

export class FeeTotalDto {
  @ApiProperty({ description: 'Fees collected (fee steps passed)' }) count: number;
  @ApiProperty({ description: 'Their total, VND (exempt vehicles count with 0)' }) totalVnd: number;
}

export class DailyFeesDto extends FeeTotalDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { count: { type: 'number' }, totalVnd: { type: 'number' } } },
    example: { VT4: { count: 3, totalVnd: 8_580_000 }, VT6: { count: 1, totalVnd: 4_000_000 } },
    description: 'The same by vehicle class (classes with no fee that day are absent)',
  })
  byClass: Record<string, FeeTotalDto>;
}

export class DailyStatsItemDto {
  @ApiProperty({ example: '2026-11-27', description: "The gate's local day" }) day: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: string;
  @ApiProperty({ description: 'New declarations submitted' }) declared: number;
  @ApiProperty({ description: 'Screenings that accepted (a re-screened amendment counts again)' }) accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { 'ARRIVAL.OUTSIDE_WINDOW': 3, 'GATE.CAPACITY_FULL': 1 },
    description: 'Reason code → rejections carrying it (a rejection with two reasons counts under both)',
  })
  rejectedByReason: Record<string, number>;
  @ApiProperty() cancelled: number;
  @ApiProperty({ description: 'Accepted declarations whose truck never came' }) expired: number;
  @ApiProperty({ description: 'Check-ins (moves to in_yard)' }) arrived: number;
  @ApiProperty() cleared: number;
  @ApiProperty() refused: number;
  @ApiProperty() exited: number;
  @ApiProperty({ type: StepMinutesByAgencyDto }) stepMinutes: StepMinutesByAgencyDto;
  @ApiProperty({ type: DailyFeesDto, description: "The border-gate fees collected that day (the gate's local day)" })
  fees: DailyFeesDto;
  @ApiProperty({ format: 'date-time', description: 'When the rollup computed this row' }) computedAt: string;
}

export class DailyStatsResponseDto {
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ type: [DailyStatsItemDto], description: 'Per day and direction, oldest first; export before import' })
  items: DailyStatsItemDto[];
  @ApiProperty({
    type: [String],
    example: ['2026-11-03'],
    description: 'Days of the range the rollup has not computed yet (build them with `npm run cli -- stats:rebuild`)',
  })
  missingDays: string[];
}
