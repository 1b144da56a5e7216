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
  @ApiProperty({
    enum: WARNING_LEVELS,
    description:
      'Per direction: from demand and BOARD_WARNING_THRESHOLDS, red when closed. For the whole gate: the higher of ' +
      'that (presentWarningLevel) and the 12-hour forecast’s level (warningSetBy says which)',
  })
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

/** One hour of the next twelve at the whole gate (both directions). */
export class NextHourDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the hour slot' }) slotStart: string;
  @ApiProperty({ description: "The hour's capacity: the standing one or the calendar's" }) capacity: number;
  @ApiProperty({ description: 'Slots booked in the hour' }) booked: number;
  @ApiProperty({ description: 'Accepted trucks still expected in the hour: booked for it, or arriving then unbooked' })
  expectedArrivals: number;
  @ApiProperty({ description: 'Trucks the call forward would send from the regulation yards in the hour' })
  fromRegulationYards: number;
  @ApiProperty({ description: 'Forecast of the vehicles in the gate yard at the end of the hour' })
  expectedInYard: number;
}

/** One regulation yard of the gate and the trucks at it now. */
export class RegulationYardCountDto {
  @ApiProperty({ example: 'PHU_XA' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ description: 'Trucks the yard holds' }) capacity: number;
  @ApiProperty({ description: 'Checked in, waiting for the call' }) waiting: number;
  @ApiProperty({ description: 'Called forward, on their way to the gate' }) called: number;
}

export class RegulationYardsBoardDto {
  @ApiProperty({ description: 'Waiting at all the gate’s regulation yards' }) waiting: number;
  @ApiProperty({ description: 'Called forward from them, on their way' }) called: number;
  @ApiProperty({ type: [RegulationYardCountDto] }) yards: RegulationYardCountDto[];
}

/** The 12-hour forecast of the gate yard. */
export class BoardForecastDto {
  @ApiProperty({ enum: WARNING_LEVELS, description: 'peakInYard / yardCapacity against BOARD_WARNING_THRESHOLDS' })
  level: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'The hour the peak is expected' })
  peakHour: string | null;
  @ApiProperty({ description: 'The most vehicles expected in the gate yard at the end of any of the next 12 hours' })
  peakInYard: number;
  @ApiProperty({ description: 'gate.yard_capacity: vehicles the gate yard holds at once' }) yardCapacity: number;
  @ApiProperty({
    description: 'Exits per hour over the last medianWindowHours; the current hour’s capacity when none were measured',
  })
  serviceRatePerHour: number;
  @ApiProperty({ enum: ['measured', 'capacity'] }) serviceRateSource: string;
}

export class GateBoardResponseDto extends BoardFiguresDto {
  @ApiProperty({ enum: WARNING_LEVELS, description: 'From demand and BOARD_WARNING_THRESHOLDS; red when closed' })
  presentWarningLevel: string;
  @ApiProperty({ enum: ['present', 'forecast'], description: 'Which level set warningLevel (present on a tie)' })
  warningSetBy: string;
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
  @ApiProperty({
    type: [NextHourDto],
    description: 'The 12 hour slots from the current one (by the service clock), both directions summed',
  })
  nextHours: NextHourDto[];
  @ApiProperty({ type: RegulationYardsBoardDto }) regulationYards: RegulationYardsBoardDto;
  @ApiProperty({ type: BoardForecastDto }) forecast: BoardForecastDto;
  @ApiProperty({ format: 'date-time', description: 'When these numbers were read' }) updatedAt: string;
}
