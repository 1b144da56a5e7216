import { ApiProperty } from '@nestjs/swagger';
import { GATE_CODES } from '../../../common/domain/gate-code.js';
import { WARNING_LEVELS } from '../warning-level.js';

export class WaitingByAgencyDto {
  @ApiProperty() customs: number;
  @ApiProperty() border_guard: number;
  @ApiProperty() quarantine: number;
  @ApiProperty() yard: number;
}

/** The numbers the board shows, for the whole gate or one direction. */
export class BoardFiguresDto {
  @ApiProperty({ description: 'Accepted for today (local day), not yet arrived' }) expectedToday: number;
  @ApiProperty({ description: 'Physically in the yard: in_yard, cleared or refused' }) inYard: number;
  @ApiProperty({
    type: WaitingByAgencyDto,
    description: 'Ready steps waiting in each agency queue, of vehicles in the yard (claimed and held steps excluded)',
  })
  waitingByAgency: WaitingByAgencyDto;
  @ApiProperty({ description: 'Moves to cleared recorded today (local day)' }) clearedToday: number;
  @ApiProperty({ description: 'Moves to exited recorded today (local day)' }) exitedToday: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Median minutes from arrival to exit of the exits in the last BOARD_MEDIAN_WINDOW_HOURS; null without any',
  })
  medianArrivalToExitMinutes: number | null;
  @ApiProperty({ description: 'Exits in the last 60 minutes' }) throughputLastHour: number;
  @ApiProperty({ description: 'Declarations the gate takes for today' }) capacityToday: number;
  @ApiProperty({ description: 'Capacity slots for today already taken by accepted declarations' }) bookedToday: number;
  @ApiProperty({ description: 'capacityToday − bookedToday, never below 0' }) capacityLeft: number;
  @ApiProperty({ nullable: true, type: Number, description: 'bookedToday / capacityToday; null without capacity' })
  demand: number | null;
  @ApiProperty({ enum: WARNING_LEVELS, description: 'From demand and BOARD_WARNING_THRESHOLDS; red when closed' })
  warningLevel: string;
}

export class BoardByDirectionDto {
  @ApiProperty({ type: BoardFiguresDto }) export: BoardFiguresDto;
  @ApiProperty({ type: BoardFiguresDto }) import: BoardFiguresDto;
}

/** One local hour of today at the whole gate. */
export class HourlyMovesDto {
  @ApiProperty({ minimum: 0, maximum: 23, description: "Hour of the day in the gate's time zone (14 = 14:00–14:59)" })
  hour: number;
  @ApiProperty({ description: 'Check-ins (moves to in_yard) recorded in that hour' }) arrivals: number;
  @ApiProperty({ description: 'Exits (moves to exited) recorded in that hour' }) exits: number;
}

/** Vehicles that left by this gate on a delivery and have not come back. */
export class ReturnsAwayDto {
  @ApiProperty({ description: 'Away, still within their return deadline' }) awaiting: number;
  @ApiProperty({ description: 'Away past their return deadline' }) overdue: number;
}

export class GateBoardResponseDto extends BoardFiguresDto {
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ nullable: true, type: String }) closedReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ example: '2026-11-27', description: "Today in the gate's time zone" }) day: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timezone: string;
  @ApiProperty({ example: 6 }) medianWindowHours: number;
  @ApiProperty({ type: BoardByDirectionDto }) byDirection: BoardByDirectionDto;
  @ApiProperty({
    type: [HourlyMovesDto],
    description: "Today's arrivals and exits at the whole gate, hour by hour: always 24 entries, hours 0 to 23",
  })
  hourly: HourlyMovesDto[];
  @ApiProperty({ type: ReturnsAwayDto }) returns: ReturnsAwayDto;
  @ApiProperty({ format: 'date-time', description: 'When these numbers were read' }) updatedAt: string;
}
