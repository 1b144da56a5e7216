import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { GATE_CODES } from '../../../common/domain/gate-code.js';
import { AGENCIES, type Agency } from '../../officers/agency.js';
import { GATES_DESCRIPTION } from './create-officer.request.dto.js';

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
