import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Matches,
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
import { UUID_PATTERN } from '../../../common/validation/uuid.js';
import { msg } from '../../../common/i18n/message.js';
import { IsGateCode } from '../../../common/validation/gate-field.js';
import {
  CARGO_REGIMES,
  type CargoRegime,
  CONTAINER_SIZES_FEET,
  type ContainerSizeFeet,
  HANDOVER_ROLES,
  type HandoverRole,
  MAX_CONTAINERS,
  TRIP_KINDS,
  type TripKind,
} from '../trip-kind.js';

export const NATIONALITIES = ['VN', 'CN'] as const;
export type Nationality = (typeof NATIONALITIES)[number];

export class ContainerRequestDto {
  @ApiProperty({ example: 'CSQU3054383', description: 'ISO 6346, check digit verified' })
  @IsString()
  @MaxLength(13)
  @IsContainerNumber()
  number: string;

  @ApiPropertyOptional({ enum: CONTAINER_SIZES_FEET, example: 40, description: 'Length in feet; sets the fee class' })
  @IsOptional()
  @IsIn(CONTAINER_SIZES_FEET)
  sizeFeet?: ContainerSizeFeet;
}

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

  @ApiPropertyOptional({
    example: 'CSQU3054383',
    description:
      'One container of unknown size (ISO 6346); the same as `containers: [{number}]`. Give one or the other',
  })
  @IsOptional()
  @IsString()
  @MaxLength(13)
  @IsContainerNumber()
  containerNumber?: string;

  @ApiPropertyOptional({
    type: [ContainerRequestDto],
    maxItems: MAX_CONTAINERS,
    description: 'Up to two containers on the vehicle (or its trailer), each looked up like a plate',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTAINERS)
  @ValidateNested({ each: true })
  @Type(() => ContainerRequestDto)
  containers?: ContainerRequestDto[];

  @ApiPropertyOptional({
    example: 15000,
    minimum: 1,
    maximum: 100000,
    description: "The vehicle's design payload in kilograms (registration papers); sets its fee class when given",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  tonnageKg?: number;

  @ApiPropertyOptional({
    example: false,
    description: 'Runs under a two-way transport permit (a longer return deadline for `delivery_and_return`)',
  })
  @IsOptional()
  @IsBoolean()
  twoWayTransport?: boolean;
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

  @ApiPropertyOptional({
    enum: CARGO_REGIMES,
    default: 'standard',
    description: '`standard` imports enter the domestic market; `re_export` and `temporary_import` do not',
  })
  @IsOptional()
  @IsIn(CARGO_REGIMES)
  regime?: CargoRegime;
}

/** The other vehicle of a transshipment or tractor swap. */
export class HandoverRequestDto {
  @ApiProperty({
    enum: HANDOVER_ROLES,
    description: '`delivering`: brings the goods (or trailer) and leaves; `receiving`: takes them over',
  })
  @IsIn(HANDOVER_ROLES)
  role: HandoverRole;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The receiving vehicle names the delivering vehicle's declaration id (it may be another company's)",
  })
  @IsOptional()
  @IsString()
  @Matches(UUID_PATTERN, { context: { problem: msg('field.uuid') } })
  linkedDeclarationId?: string;
}

export class SubmitDeclarationRequestDto {
  @ApiProperty({ enum: GATE_CODES, description: 'Any letter case (`huu_nghi`); answered in upper case' })
  @IsGateCode()
  gate: GateCode;

  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS)
  direction: Direction;

  @ApiPropertyOptional({
    example: '2026-11-27T08:00:00+07:00',
    description: 'ISO 8601 with offset; within a year of now. Required unless `slotStart` is given',
  })
  @IsOptional()
  @IsString()
  @IsTimestampNear(366)
  expectedArrivalAt?: string;

  @ApiPropertyOptional({
    example: '2026-11-27T08:00:00+07:00',
    description:
      'Book this arrival hour at the gate (a whole hour, not over, within the booking horizon; see ' +
      "`GET /api/v1/gates/{gate}/slots`). Without `expectedArrivalAt` the arrival is the hour's start; with it, " +
      'the arrival must lie within the hour. Taken when the declaration is accepted: a full hour rejects it with ' +
      '`GATE.SLOT_FULL` and the nearest free hours',
  })
  @IsOptional()
  @IsString()
  @IsTimestampNear(366)
  slotStart?: string;

  @ApiPropertyOptional({ enum: TRIP_KINDS, default: 'through', description: 'See docs/lifecycle.md, "Kinds of trip"' })
  @IsOptional()
  @IsIn(TRIP_KINDS)
  tripKind?: TripKind;

  @ApiPropertyOptional({
    type: HandoverRequestDto,
    description: 'Required for `transshipment` and `tractor_swap`, refused for the other kinds',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HandoverRequestDto)
  handover?: HandoverRequestDto;

  @ApiPropertyOptional({
    example: 'EMERGENCY_RELIEF',
    description: 'A fee exemption the company claims; must be listed in the fee schedule in force (docs/fees.md)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Z][A-Z0-9_]+$/)
  feeExemptionCode?: string;

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
