import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { HasText } from '../../../common/validation/validators.js';
import { DECLARATION_STATUSES } from '../../declarations/declaration-status.js';
import { DIRECTIONS, GATE_CODES } from '../../../common/domain/gate-code.js';
import { StepResponseDto } from '../../declarations/dto/step.response.dto.js';
import { STEP_AGENCIES } from '../../officers/agency.js';
import { FeeQuoteDto } from '../../fees/dto/fee-quote.dto.js';
import { HANDOVER_ROLES, type HandoverRole, TRIP_KINDS, type TripKind } from '../../declarations/trip-kind.js';

export class CheckInRequestDto {
  @ApiPropertyOptional({ example: '12C-123.45', description: 'Any spelling; give either plate or qrToken' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  plate?: string;

  @ApiPropertyOptional({ description: 'The token inside the QR code the company shows (GET /declarations/:id/qr.png)' })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(2048)
  qrToken?: string;
}

export class ExitRequestDto {
  @ApiProperty({ example: '12C-123.45' })
  @IsString()
  @MaxLength(32)
  plate: string;
}

export class DecisionRequestDto {
  @ApiProperty({ enum: ['pass', 'hold', 'refuse'] })
  @IsIn(['pass', 'hold', 'refuse'])
  decision: 'pass' | 'hold' | 'refuse';

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'Visible to the owning company and in the audit log; never public',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @HasText()
  note?: string;

  @ApiPropertyOptional({
    example: 'PT-2026-000123',
    description:
      'The e-receipt number of the fee payment (the electronic receipt the yard issues); required to pass the fee ' +
      'step, recorded with the amount charged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @HasText()
  paymentReference?: string;

  @ApiPropertyOptional({
    description: 'The step version you saw; the decision then applies only to exactly that state',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class CheckInResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() plate: string;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: string;
  @ApiProperty({ type: [StepResponseDto] }) steps: StepResponseDto[];
}

/** The vehicle a step is about, as an officer needs it to call the truck forward. */
export class StepVehicleDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty({ example: 'HN-20261127-00042', description: "The declaration's reference" }) reference: string;
  @ApiProperty({ example: '12C12345', description: 'The plate as the declaration holds it (canonical)' })
  plate: string;
  @ApiProperty({ example: '12C-123.45', description: 'The plate as people write it' }) plateDisplay: string;
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: string;
}

/** A claimed step: the step, its vehicle and, on the fee step, the fee to collect. */
export class ClaimedStepResponseDto extends IntersectionType(StepResponseDto, StepVehicleDto) {
  @ApiProperty({ description: 'Perishable goods are served first' }) perishable: boolean;
  @ApiProperty({
    type: FeeQuoteDto,
    nullable: true,
    description: 'Fee step (yard): the fee to collect before passing it; null on inspection steps',
  })
  feeQuote: FeeQuoteDto | null;
}

/** The decided step, and the vehicle it is about. */
export class DecisionResponseDto extends StepVehicleDto {
  @ApiProperty({ type: StepResponseDto }) step: StepResponseDto;
  @ApiProperty({ enum: DECLARATION_STATUSES, description: 'The declaration after this decision' })
  declarationStatus: string;
}

export class ExitResponseDto {
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: ['exited'] }) status: string;
  @ApiProperty({ enum: ['CN', 'VN_INLAND'], description: 'Across to China, or inland into Vietnam' })
  destination: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'A delivery-and-return vehicle leaving cleared across the border: by when it must be back',
  })
  returnDueAt: string | null;
}

export class QueueEntryResponseDto extends StepVehicleDto {
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ description: 'Perishable goods are served first' }) perishable: boolean;
  @ApiProperty({ enum: ['inspection', 'fee'] }) kind: string;
  @ApiProperty({ enum: ['waiting', 'claimed', 'held'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 = next to be claimed; null once claimed' })
  position: number | null;
  @ApiProperty({ format: 'date-time' }) readySince: string;
  @ApiProperty() waitingSeconds: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) claimedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) claimExpiresAt: string | null;
  @ApiProperty({
    type: FeeQuoteDto,
    nullable: true,
    description: "The yard's queue (fee steps): the fee to collect; null in inspection queues",
  })
  feeQuote: FeeQuoteDto | null;
  @ApiProperty({ enum: TRIP_KINDS, description: 'What the vehicle does at the gate (docs/lifecycle.md)' })
  tripKind: TripKind;
  @ApiProperty({
    enum: HANDOVER_ROLES,
    nullable: true,
    type: String,
    description: "Transshipment and tractor swap: this vehicle's leg; null for the other kinds",
  })
  handoverRole: HandoverRole | null;
  @ApiProperty({ nullable: true, type: String, example: '12R-012.34', description: 'The trailer, as people write it' })
  trailerPlate: string | null;
}

export class QueueResponseDto {
  @ApiProperty({ enum: GATE_CODES }) gate: string;
  @ApiProperty({ enum: STEP_AGENCIES }) agency: string;
  @ApiProperty({ description: 'Waiting steps first, in serving order (perishable first, then first come)' })
  waiting: number;
  @ApiProperty({ type: [QueueEntryResponseDto] }) items: QueueEntryResponseDto[];
}
