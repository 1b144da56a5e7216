import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  HasText,
  IsContainerNumber,
  IsCustomsDeclarationNumber,
  IsE164Phone,
  IsHsCode,
  IsPlate,
  IsTimestampNear,
} from '../../../common/validation/validators.js';
import { DIRECTIONS, type Direction, GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { IsGateCode } from '../../../common/validation/gate-field.js';

export const NATIONALITIES = ['VN', 'CN'] as const;
export type Nationality = (typeof NATIONALITIES)[number];

export class VehicleRequestDto {
  @ApiProperty({ example: '12C-123.45', description: 'Vietnamese or Chinese plate, any common spelling' })
  @IsString()
  @MaxLength(32)
  @IsPlate('vehicle')
  plate: string;

  @ApiProperty({ enum: NATIONALITIES })
  @IsIn(NATIONALITIES)
  nationality: Nationality;

  @ApiPropertyOptional({
    example: '12R-012.34',
    description: 'Trailer or semi-trailer plate (VN series R, CN ending in 挂)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @IsPlate('trailer')
  trailerPlate?: string;

  @ApiPropertyOptional({ example: 'CSQU3054383', description: 'ISO 6346, check digit verified' })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  @IsContainerNumber()
  containerNumber?: string;
}

export class DriverRequestDto {
  @ApiProperty({ example: 'Nguyễn Văn An', maxLength: 120 })
  @IsString()
  @MaxLength(120)
  @HasText()
  fullName: string;

  @ApiProperty({
    example: '020090001234',
    description: 'VN: 12-digit citizen ID (CCCD) or passport; CN: 18-character resident ID or passport',
  })
  @IsString()
  @MaxLength(18)
  @HasText()
  documentNumber: string;

  @ApiProperty({ enum: NATIONALITIES })
  @IsIn(NATIONALITIES)
  nationality: Nationality;

  @ApiPropertyOptional({ example: '+84912345678', description: 'E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  @IsE164Phone()
  phone?: string;
}

export class CargoRequestDto {
  @ApiProperty({ example: 'Fresh dragon fruit', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  @HasText()
  description: string;

  @ApiPropertyOptional({ example: '08109050', description: '8-digit Vietnamese HS code' })
  @IsOptional()
  @IsString()
  @IsHsCode()
  hsCode?: string;

  @ApiProperty({ example: 18000, minimum: 0, maximum: 100000, description: 'Integer kilograms; 0 for an empty truck' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  grossWeightKg: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  perishable: boolean;

  @ApiPropertyOptional({ example: '305123456789', description: '12-digit VNACCS customs declaration number' })
  @IsOptional()
  @IsString()
  @IsCustomsDeclarationNumber()
  customsDeclarationNumber?: string;

  @ApiPropertyOptional({
    example: false,
    description:
      'Ask for plant/animal quarantine even when the goods would not need it (perishable or HS 01-14 always do)',
  })
  @IsOptional()
  @IsBoolean()
  quarantineRequired?: boolean;
}

export class SubmitDeclarationRequestDto {
  @ApiProperty({ enum: GATE_CODES, description: 'Any letter case (`huu_nghi`); answered in upper case' })
  @IsGateCode()
  gate: GateCode;

  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS)
  direction: Direction;

  @ApiProperty({ example: '2026-11-27T08:00:00+07:00', description: 'ISO 8601 with offset; within a year of now' })
  @IsString()
  @IsTimestampNear(366)
  expectedArrivalAt: string;

  @ApiProperty({ type: VehicleRequestDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VehicleRequestDto)
  vehicle: VehicleRequestDto;

  @ApiProperty({ type: DriverRequestDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DriverRequestDto)
  driver: DriverRequestDto;

  @ApiProperty({ type: CargoRequestDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CargoRequestDto)
  cargo: CargoRequestDto;
}
