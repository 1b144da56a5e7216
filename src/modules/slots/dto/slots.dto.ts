import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DIRECTIONS, type Direction, GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { HasText, IsTimestampNear } from '../../../common/validation/validators.js';
import { SlotResponseDto } from '../../declarations/dto/declaration.response.dto.js';

export class SlotsQueryDto {
  @ApiPropertyOptional({ enum: DIRECTIONS, description: 'Without it, both directions' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiPropertyOptional({ format: 'date-time', description: 'The first hour (rounded down to the hour); default now' })
  @IsOptional()
  @IsTimestampNear(366)
  from?: string;

  @ApiPropertyOptional({ default: 72, minimum: 1, maximum: 336 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(336)
  hours?: number;
}

export class SlotHourDto {
  @ApiProperty({ format: 'date-time' }) slotStart: string;
  @ApiProperty({ format: 'date-time' }) slotEnd: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
  @ApiProperty({ description: 'Arrivals the hour takes (standing capacity, or the calendar exception)' })
  capacity: number;
  @ApiProperty({ description: 'Accepted declarations booked for the hour' }) booked: number;
  @ApiProperty({ description: 'capacity − booked, never below 0' }) free: number;
  @ApiProperty({ nullable: true, type: String, description: 'The calendar exception that sets this hour, if any' })
  exception: string | null;
}

export class SlotCalendarDto {
  @ApiProperty({ enum: GATE_CODES }) gate: GateCode;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timezone: string;
  @ApiProperty({ type: [SlotHourDto] }) hours: SlotHourDto[];
}

export class BookSlotRequestDto {
  @ApiProperty({ example: '2026-11-27T08:00:00+07:00', description: 'A whole hour on the arrival day' })
  @IsString()
  @IsTimestampNear(366)
  slotStart: string;
}

export class SlotBookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'accepted' }) status: string;
  @ApiProperty({ format: 'date-time', description: 'The slot start when booked' }) expectedArrivalAt: string;
  @ApiProperty({ type: SlotResponseDto, nullable: true }) slot: SlotResponseDto | null;
}

export class HourCapacityDto {
  @ApiProperty({ minimum: 0, maximum: 23, description: 'Hour of the local day at the gate' })
  @IsInt()
  @Min(0)
  @Max(23)
  hour: number;

  @ApiProperty({ minimum: 0, maximum: 10000, description: 'Arrivals per hour; 0 closes the hour' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  capacity: number;
}

export class HourlyCapacityRequestDto {
  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS)
  direction: Direction;

  @ApiProperty({ type: [HourCapacityDto], description: 'The hours to set; the others stay as they are' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => HourCapacityDto)
  hours: HourCapacityDto[];
}

export class HourlyCapacityDto {
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
  @ApiProperty({ type: [HourCapacityDto] }) hours: HourCapacityDto[];
}

export class HourlyCapacityQueryDto {
  @ApiPropertyOptional({ enum: DIRECTIONS, description: 'Without it, both directions' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;
}

export class CapacityExceptionRequestDto {
  @ApiPropertyOptional({ enum: DIRECTIONS, description: 'Without it, both directions' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiProperty({ example: '2027-02-05T00:00:00+07:00', description: 'A whole hour' })
  @IsString()
  @IsTimestampNear(800)
  startsAt: string;

  @ApiProperty({ example: '2027-02-10T00:00:00+07:00', description: 'A whole hour, after startsAt' })
  @IsString()
  @IsTimestampNear(800)
  endsAt: string;

  @ApiProperty({ minimum: 0, maximum: 10000, description: 'Replaces the standing capacity of every hour; 0 closes' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  capacityPerHour: number;

  @ApiProperty({ maxLength: 200, example: 'Lunar New Year: the Chinese side is closed' })
  @IsString()
  @MaxLength(200)
  @HasText()
  reason: string;
}

export class CapacityExceptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GATE_CODES }) gate: GateCode;
  @ApiProperty({ enum: DIRECTIONS, nullable: true }) direction: Direction | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacityPerHour: number;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdBy: string | null;
}

/** A booking rule, its lengths in minutes (strike window, suspension and horizon in days). */
export class BookingRuleRequestDto {
  @ApiProperty({ example: 30, description: 'Minutes before its hour a booked truck may check in at the gate' })
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  earlyAllowanceMinutes: number;

  @ApiProperty({ example: 60, description: 'Minutes after its hour ends a booked truck may still come' })
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  lateGraceMinutes: number;

  @ApiProperty({ example: 120, description: 'A move or cancellation less than this before the hour is a strike' })
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  lateCancellationMinutes: number;

  @ApiProperty({ example: 30, description: 'Days the strikes are counted over' })
  @IsInt()
  @Min(1)
  @Max(365)
  strikeWindowDays: number;

  @ApiProperty({ example: 3, description: "Strikes of one vehicle that suspend the vehicle's booking" })
  @IsInt()
  @Min(1)
  @Max(1000)
  vehicleStrikeLimit: number;

  @ApiProperty({ example: 20, description: "Strikes of one company that suspend the company's booking" })
  @IsInt()
  @Min(1)
  @Max(10_000)
  companyStrikeLimit: number;

  @ApiProperty({ example: 14, description: 'Days a suspension lasts' })
  @IsInt()
  @Min(1)
  @Max(365)
  suspensionDays: number;

  @ApiProperty({ example: 7, description: 'Days ahead a slot may be booked' })
  @IsInt()
  @Min(1)
  @Max(60)
  bookingHorizonDays: number;
}

export class BookingRuleDto extends BookingRuleRequestDto {
  @ApiProperty({ enum: GATE_CODES }) gate: GateCode;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) updatedBy: string | null;
}

export class BookingSuspensionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['vehicle', 'company'] }) scope: 'vehicle' | 'company';
  @ApiProperty({ nullable: true, type: String, example: '12C12345' }) plate: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12C-123.45' }) plateDisplay: string | null;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ example: '3 no-shows or late cancellations of this vehicle within 30 days' }) reason: string;
  @ApiProperty() strikes: number;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) liftedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) liftedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) liftNote: string | null;
}

export class LiftSuspensionRequestDto {
  @ApiProperty({ maxLength: 500, example: 'The truck broke down on QL1A; workshop receipt seen' })
  @IsString()
  @MaxLength(500)
  @HasText()
  note: string;
}
