import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPlate, IsTimestampNear } from '../../../common/validation/validators.js';
import { DIRECTIONS, type Direction, GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { IsGateCode } from '../../../common/validation/gate-field.js';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../declaration-status.js';

export class ListDeclarationsQueryDto {
  @ApiPropertyOptional({ enum: DECLARATION_STATUSES })
  @IsOptional()
  @IsIn(DECLARATION_STATUSES)
  status?: DeclarationStatus;

  @ApiPropertyOptional({ example: '12C-123.45' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @IsPlate('vehicle')
  plate?: string;

  @ApiPropertyOptional({ enum: GATE_CODES, description: 'Any letter case (`huu_nghi`)' })
  @IsOptional()
  @IsGateCode()
  gate?: GateCode;

  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;

  @ApiPropertyOptional({ description: 'Submitted at or after (ISO 8601 with offset)', format: 'date-time' })
  @IsOptional()
  @IsTimestampNear(3660)
  from?: string;

  @ApiPropertyOptional({ description: 'Submitted before (ISO 8601 with offset)', format: 'date-time' })
  @IsOptional()
  @IsTimestampNear(3660)
  to?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}
