import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STEP_KINDS, STEP_STATUSES } from '../../../common/domain/clearance-step.js';
import { STEP_AGENCIES } from '../../officers/agency.js';

/** One clearance step as officers and the declaring company see it. */
export class StepResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: STEP_AGENCIES }) agency: string;
  @ApiProperty({ enum: STEP_KINDS }) kind: string;
  @ApiProperty({ description: 'Steps of one stage run side by side' }) stage: number;
  @ApiProperty({ enum: STEP_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When it entered its queue' })
  readyAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) claimedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) claimExpiresAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Fee step: amount charged, VND' })
  feeAmountVnd: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6'] })
  feeVehicleClass: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Fee step: the e-receipt number of the payment' })
  paymentReference: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    enum: ['empty', 'farm', 're_export', 'temporary_import', 'general'],
    description: 'Fee step: the goods category charged',
  })
  feeGoodsCategory: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: "Fee step: the schedule's rate, VND" })
  feeBaseVnd: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Fee step: the percent applied (30, 100, 130)' })
  feePercent: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Fee step: the fee schedule charged by' })
  feeScheduleId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Fee step: the exemption applied (amount 0)' })
  feeExemptionCode: string | null;
}
