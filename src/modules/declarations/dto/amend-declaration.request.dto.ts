import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsTimestampNear } from '../../../common/validation/validators.js';
import { CargoRequestDto, DriverRequestDto, VehicleRequestDto } from './submit-declaration.request.dto.js';

/**
 * A correction: each section given replaces that section whole (same rules as on submission). Gate and
 * direction cannot change: that is a different trip, so cancel and declare again.
 */
export class AmendDeclarationRequestDto {
  @ApiPropertyOptional({ example: '2026-11-28T08:00:00+07:00' })
  @IsOptional()
  @IsString()
  @IsTimestampNear(366)
  expectedArrivalAt?: string;

  @ApiPropertyOptional({ type: VehicleRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VehicleRequestDto)
  vehicle?: VehicleRequestDto;

  @ApiPropertyOptional({ type: DriverRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DriverRequestDto)
  driver?: DriverRequestDto;

  @ApiPropertyOptional({ type: CargoRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CargoRequestDto)
  cargo?: CargoRequestDto;
}
