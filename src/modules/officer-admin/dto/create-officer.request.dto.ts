import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { GATE_CODES } from '../../../common/domain/gate-code.js';
import { AGENCIES, type Agency } from '../../officers/agency.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../officers/password.js';

export const GATES_DESCRIPTION = 'Gate codes in any letter case; answered in the gates’ order without repeats';

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
