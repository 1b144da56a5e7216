import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GATE_CODES } from '../../../common/domain/gate-code.js';
import { RETURN_LIST_STATES } from '../../returns/return-events.js';

export class ReturnCheckInRequestDto {
  @ApiProperty({ example: '12C-123.45', description: 'Any spelling' })
  @IsString()
  @MaxLength(32)
  plate: string;
}

export class ReturnCheckInResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The declaration of the trip it went out on' }) declarationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() plate: string;
  @ApiProperty() plateDisplay: string;
  @ApiProperty({ enum: GATE_CODES, description: 'Where it came back' }) gate: string;
  @ApiProperty({ format: 'date-time' }) exitedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time' }) returnedAt: string;
  @ApiProperty({ description: 'Came back after its deadline' }) late: boolean;
}

export class ReturnListQueryDto {
  @ApiPropertyOptional({
    enum: RETURN_LIST_STATES,
    default: 'overdue',
    description: '`overdue`: past the deadline; `awaiting`: still within it',
  })
  @IsOptional()
  @IsIn(RETURN_LIST_STATES)
  state?: (typeof RETURN_LIST_STATES)[number];
}

export class AwayVehicleResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() plate: string;
  @ApiProperty() plateDisplay: string;
  @ApiProperty({ description: 'Under a two-way transport permit (its longer deadline)' }) twoWayTransport: boolean;
  @ApiProperty({ format: 'date-time' }) exitedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'Seconds past the deadline; 0 while awaiting' }) overdueSeconds: number;
}

export class AwayVehiclesResponseDto {
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ enum: RETURN_LIST_STATES }) state: string;
  @ApiProperty({ type: [AwayVehicleResponseDto], description: 'Soonest deadline first; at most 500' })
  items: AwayVehicleResponseDto[];
}
