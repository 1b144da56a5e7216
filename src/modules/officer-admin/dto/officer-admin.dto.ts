import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { IsGateCode } from '../../../common/validation/gate-field.js';
import { AGENCIES, type Agency } from '../../officers/agency.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../officers/password.js';

export class ListOfficersQueryDto {
  @ApiProperty({ enum: GATE_CODES, description: 'The gate whose officers to list; any letter case' })
  @IsGateCode()
  gate: GateCode;
}

const GATES_DESCRIPTION = 'Gate codes in any letter case; answered in the gates’ order without repeats';

export class CreateOfficerRequestDto {
  @ApiProperty({ example: 'customs.nguyen', description: '3-64 characters: letters, digits, ".", "_", "-"' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 2)
  password: string;

  @ApiProperty({ enum: AGENCIES })
  @IsIn(AGENCIES)
  agency: Agency;

  @ApiProperty({ type: [String], enum: GATE_CODES, example: ['HUU_NGHI'], description: GATES_DESCRIPTION })
  @IsArray()
  @ArrayMaxSize(GATE_CODES.length * 2)
  @IsString({ each: true })
  gates: string[];
}

export class OfficerPostingsRequestDto {
  @ApiPropertyOptional({ enum: AGENCIES, description: 'Left as it is when not given' })
  @IsOptional()
  @IsIn(AGENCIES)
  agency?: Agency;

  @ApiProperty({ type: [String], enum: GATE_CODES, example: ['HUU_NGHI'], description: GATES_DESCRIPTION })
  @IsArray()
  @ArrayMaxSize(GATE_CODES.length * 2)
  @IsString({ each: true })
  gates: string[];
}

export class ResetPasswordRequestDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 2)
  password: string;
}

/** An officer's account as the supervisors of their gates see it. */
export class OfficerResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'customs.nguyen' }) username: string;
  @ApiProperty({ enum: AGENCIES }) agency: Agency;
  @ApiProperty({ enum: GATE_CODES, isArray: true }) gates: GateCode[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set while disabled' })
  disabledAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Until when too many failed logins lock the account; null when not locked',
  })
  lockedUntil: string | null;
}
