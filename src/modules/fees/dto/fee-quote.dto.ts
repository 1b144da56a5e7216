import { ApiProperty } from '@nestjs/swagger';
import { DIRECTIONS } from '../../../common/domain/gate-code.js';
import { GOODS_CATEGORIES, VEHICLE_CLASSES } from '../fee-rules.js';

/** What a fee quote is based on: the schedule in force, the class, the goods, the rate and the percent. */
export class FeeQuoteBasisDto {
  @ApiProperty({ example: 'LS-09-2025', description: "The fee schedule in force on the declaration's arrival day" })
  scheduleId: string;
  @ApiProperty({
    enum: VEHICLE_CLASSES,
    example: 'VT4',
    description: 'By the weight basis, raised by the largest container (20 ft: at least VT5; 40/45 ft: VT6)',
  })
  vehicleClass: string;
  @ApiProperty({ example: 12_000, description: "The vehicle's tonnage when declared, else the gross weight, kg" })
  weightBasisKg: number;
  @ApiProperty({ example: 12_000, description: 'Declared gross weight, kg' }) grossWeightKg: number;
  @ApiProperty({
    enum: GOODS_CATEGORIES,
    example: 'general',
    description:
      'The first that applies: empty (empty trip, 0 kg, or the tractor taking over a trailer), farm (perishable or ' +
      'HS chapters 01–24), re_export, temporary_import (by the cargo regime), general',
  })
  goodsCategory: string;
  @ApiProperty({ enum: DIRECTIONS, example: 'import' }) direction: string;
  @ApiProperty({ example: 2_200_000, description: "The schedule's amount for the class and goods, VND" })
  baseAmount: number;
  @ApiProperty({
    example: 130,
    description: 'Transshipment 30; goods imported into the domestic market 130; otherwise 100 (as scheduled)',
  })
  percent: number;
  @ApiProperty({ example: 130, deprecated: true, description: 'The same as percent (its former name)' })
  directionPercent: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: "The declaration's exemption code when the schedule lists it (amount 0); else null",
  })
  exemptionCode: string | null;
}

export class FeeQuoteDto {
  @ApiProperty({
    example: 2_860_000,
    description: 'round(baseAmount × percent / 100), or 0 when exempt: what passing the fee step records',
  })
  amount: number;
  @ApiProperty({ enum: ['VND'], example: 'VND' }) currency: 'VND';
  @ApiProperty({ type: FeeQuoteBasisDto }) basis: FeeQuoteBasisDto;
}
