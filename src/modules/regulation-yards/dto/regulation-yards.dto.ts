import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { DIRECTIONS, GATE_CODES } from '../../../common/domain/gate-code.js';
import { PRIORITY_CLASSES } from '../priority-cycle.js';
import type { PriorityClass } from '../priority-cycle.entity.js';

export class RegulationYardsQueryDto {
  @ApiPropertyOptional({ enum: GATE_CODES, description: 'Only the yards of this gate' })
  @IsOptional()
  @IsIn(GATE_CODES)
  gate?: (typeof GATE_CODES)[number];
}

export class RegulationYardResponseDto {
  @ApiProperty({ example: 'PHU_XA' }) code: string;
  @ApiProperty({ enum: GATE_CODES, description: 'The gate whose trucks wait here' }) gate: string;
  @ApiProperty({ example: 'Bãi Phú Xá (Viettel Logistics Park)' }) name: string;
  @ApiProperty({ example: 'Phú Xá yard (Viettel Logistics Park)' }) nameEn: string;
  @ApiProperty({ description: 'Trucks it holds at once' }) capacity: number;
  @ApiProperty({ example: 21.89 }) latitude: number;
  @ApiProperty({ example: 106.715 }) longitude: number;
  @ApiProperty({ description: 'The usual drive to the gate, in minutes' }) driveMinutes: number;
  @ApiProperty() open: boolean;
  @ApiProperty({ description: 'Trucks waiting for their call' }) waiting: number;
  @ApiProperty({ description: 'Trucks called, on their way to the gate' }) called: number;
}

export class YardCheckInRequestDto {
  @ApiProperty({ example: '12C-123.45', description: 'Any spelling' })
  @IsString()
  @MaxLength(32)
  plate: string;
}

export class SlotResponseDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ format: 'date-time' }) end: string;
}

export class YardCheckInResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() plate: string;
  @ApiProperty() plateDisplay: string;
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: string;
  @ApiProperty({ enum: ['waiting_at_yard'] }) status: string;
  @ApiProperty({ example: 'PHU_XA' }) yard: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "Place in the gate's line (1: next), priority turns aside",
  })
  placeInLine: number | null;
  @ApiProperty({ type: SlotResponseDto, nullable: true, description: 'The booked arrival hour' })
  slot: SlotResponseDto | null;
}

export class LineEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() plate: string;
  @ApiProperty() plateDisplay: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: string;
  @ApiProperty({ nullable: true, type: Number }) placeInLine: number | null;
  @ApiProperty({ enum: PRIORITY_CLASSES, isArray: true, description: 'The classes whose turns may call it' })
  priorityClasses: string[];
  @ApiProperty({ type: SlotResponseDto, nullable: true }) slot: SlotResponseDto | null;
  @ApiProperty({ format: 'date-time' }) arrivedAt: string;
  @ApiProperty({ description: 'Calls it missed (each sent it to the back of the line)' }) missedCalls: number;
}

export class CalledEntryResponseDto extends LineEntryResponseDto {
  @ApiProperty({ format: 'date-time' }) calledAt: string;
  @ApiProperty({ format: 'date-time', description: 'It must check in at the gate by then' }) callDeadline: string;
  @ApiProperty({ example: 'general (turn 2 of 8: no aeo truck waiting)' }) callRule: string;
}

export class YardLineResponseDto {
  @ApiProperty({ example: 'PHU_XA' }) yard: string;
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ type: [LineEntryResponseDto], description: "Waiting, in the gate's call order" })
  waiting: LineEntryResponseDto[];
  @ApiProperty({ type: [CalledEntryResponseDto], description: 'Called, soonest deadline first' })
  called: CalledEntryResponseDto[];
}

export class PriorityTurnDto {
  @ApiProperty({ enum: PRIORITY_CLASSES })
  @IsIn(PRIORITY_CLASSES)
  class: PriorityClass;

  @ApiProperty({ minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  turns: number;
}

export class PriorityCycleRequestDto {
  @ApiProperty({
    type: [PriorityTurnDto],
    example: [
      { class: 'perishable', turns: 1 },
      { class: 'general', turns: 5 },
    ],
  })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => PriorityTurnDto)
  turns: PriorityTurnDto[];
}

export class PriorityCycleResponseDto {
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ type: [PriorityTurnDto] }) turns: PriorityTurnDto[];
  @ApiProperty({ enum: PRIORITY_CLASSES, isArray: true, description: 'The cycle written out, one class per turn' })
  cycle: string[];
  @ApiProperty({ description: 'Index in `cycle` of the next turn' }) position: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CallRuleRequestDto {
  @ApiProperty({ minimum: 0, maximum: 240, description: "Minutes added to the yard's drive for a call's deadline" })
  @IsInt()
  @Min(0)
  @Max(240)
  reachMarginMinutes: number;

  @ApiProperty({ minimum: 0, maximum: 5, description: 'Calls a truck may miss (back of the line each time)' })
  @IsInt()
  @Min(0)
  @Max(5)
  missedCallsAllowed: number;

  @ApiProperty({ minimum: 5, maximum: 480, description: 'Minutes of the gate yard supplied ahead at the service rate' })
  @IsInt()
  @Min(5)
  @Max(480)
  lookAheadMinutes: number;
}

export class CallRuleResponseDto extends CallRuleRequestDto {
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
