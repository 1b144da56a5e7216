import { RegulationYardWaitDto } from './regulation-yard-wait.response.dto.js';
import { FeeQuoteDto } from '../../fees/dto/fee-quote.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIRECTIONS, type Direction, GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { DECLARATION_STATUSES, type DeclarationStatus, type ScreeningState } from '../declaration-status.js';
import { NATIONALITIES, type Nationality } from './submit-declaration.request.dto.js';
import { StepResponseDto } from './step.response.dto.js';
import { AmendmentRequestResponseDto } from './amendment.dto.js';
import {
  CARGO_REGIMES,
  type CargoRegime,
  CONTAINER_SIZES_FEET,
  type ContainerSizeFeet,
  HANDOVER_ROLES,
  type HandoverRole,
  TRIP_KINDS,
  type TripKind,
} from '../trip-kind.js';

export class ReasonResponseDto {
  @ApiProperty({
    example: 'GATE.CAPACITY_FULL',
    enum: [
      'VEHICLE.ALREADY_ACTIVE',
      'WATCHLIST.VEHICLE',
      'WATCHLIST.DRIVER',
      'GATE.CAPACITY_FULL',
      'GATE.SLOT_FULL',
      'BOOKING.SUSPENDED',
      'ARRIVAL.OUTSIDE_WINDOW',
    ],
  })
  code: string;

  @ApiProperty({ example: 'The gate has no export capacity left on 2026-11-28' })
  message: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'date-time',
    description: '`GATE.SLOT_FULL`: up to three hours nearest the one asked for that still have room',
  })
  nearestFree?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: '`BOOKING.SUSPENDED`: when the suspension ends' })
  until?: string;
}

/** A booked arrival hour at the gate. */
export class SlotResponseDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-27T01:00:00.000Z' }) start: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-27T02:00:00.000Z' }) end: string;
}

export class TimelineEntryResponseDto {
  @ApiProperty({ enum: DECLARATION_STATUSES })
  status: DeclarationStatus;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** What `POST /declarations` answers (and replays for the same Idempotency-Key). */
export class SubmitDeclarationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'HN-20261127-00042', description: 'Gate prefix, local date of submission, daily serial' })
  reference: string;

  @ApiProperty({ enum: ['submitted'] })
  status: DeclarationStatus;

  @ApiProperty({ example: '12C12345', description: 'Canonical plate' })
  plate: string;

  @ApiProperty({ enum: GATE_CODES })
  gate: GateCode;

  @ApiProperty({ enum: DIRECTIONS })
  direction: Direction;

  @ApiProperty({ format: 'date-time' })
  expectedArrivalAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ContainerResponseDto {
  @ApiProperty({ example: 'CSQU3054383' }) number: string;
  @ApiProperty({ nullable: true, type: Number, enum: CONTAINER_SIZES_FEET }) sizeFeet: ContainerSizeFeet | null;
}

export class VehicleResponseDto {
  @ApiProperty({ example: '12C12345' }) plate: string;
  @ApiProperty({ example: '12C-123.45' }) plateDisplay: string;
  @ApiProperty({ enum: NATIONALITIES }) nationality: Nationality;
  @ApiProperty({ nullable: true, type: String }) trailerPlate: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The first container's number (see containers)" })
  containerNumber: string | null;
  @ApiProperty({ type: [ContainerResponseDto] }) containers: ContainerResponseDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Design payload in kilograms' }) tonnageKg: number | null;
  @ApiProperty() twoWayTransport: boolean;
}

/** The other vehicle of a transshipment or tractor swap. */
export class HandoverResponseDto {
  @ApiProperty({ enum: HANDOVER_ROLES }) role: HandoverRole;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The other leg: the delivering one for the receiving vehicle, and back; null until it is declared',
  })
  linkedDeclarationId: string | null;
}

export class DriverResponseDto {
  @ApiProperty() fullName: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: ['vn_citizen_id', 'cn_resident_id', 'passport'] }) documentKind: string;
  @ApiProperty({ enum: NATIONALITIES }) nationality: Nationality;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class CargoResponseDto {
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) hsCode: string | null;
  @ApiProperty() grossWeightKg: number;
  @ApiProperty() perishable: boolean;
  @ApiProperty({ nullable: true, type: String }) customsDeclarationNumber: string | null;
  @ApiProperty() quarantineRequired: boolean;
  @ApiProperty({ enum: CARGO_REGIMES }) regime: CargoRegime;
}

export class ScreeningResponseDto {
  @ApiProperty({
    enum: ['pending', 'done', 'failed'],
    description: '`failed`: background screening gave up after its retries; operators must re-drive it',
  })
  state: ScreeningState;

  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
}

/** A declaration as its owning company sees it. */
export class DeclarationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HN-20261127-00042' }) reference: string;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: DeclarationStatus;
  @ApiProperty({ description: 'Increases with every status change' }) version: number;
  @ApiProperty({ enum: GATE_CODES }) gate: GateCode;
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
  @ApiProperty({ enum: TRIP_KINDS }) tripKind: TripKind;
  @ApiProperty({ type: HandoverResponseDto, nullable: true }) handover: HandoverResponseDto | null;
  @ApiProperty({ nullable: true, type: String }) feeExemptionCode: string | null;
  @ApiProperty({ format: 'date-time' }) expectedArrivalAt: string;
  @ApiProperty({ type: SlotResponseDto, nullable: true, description: 'The booked arrival hour; null: none' })
  slot: SlotResponseDto | null;
  @ApiProperty({ type: VehicleResponseDto }) vehicle: VehicleResponseDto;
  @ApiProperty({ type: DriverResponseDto }) driver: DriverResponseDto;
  @ApiProperty({ type: CargoResponseDto }) cargo: CargoResponseDto;
  @ApiPropertyOptional({
    type: FeeQuoteDto,
    nullable: true,
    description:
      'The border-gate fee as the declaration stands (docs/fees.md), by the schedule in force on its arrival day; ' +
      'what the fee step will collect unless the declaration changes; null before the first schedule (GET by id)',
  })
  feeQuote?: FeeQuoteDto | null;
  @ApiProperty({ type: [ReasonResponseDto], description: 'Why screening rejected it; empty otherwise' })
  reasons: ReasonResponseDto[];
  @ApiProperty({ type: ScreeningResponseDto }) screening: ScreeningResponseDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ type: [TimelineEntryResponseDto], description: 'Present on GET by id' })
  timeline?: TimelineEntryResponseDto[];
  @ApiPropertyOptional({ type: [StepResponseDto], description: 'Clearance steps after arrival (GET by id)' })
  steps?: StepResponseDto[];
  @ApiPropertyOptional({
    type: [AmendmentRequestResponseDto],
    description: 'Amendments asked for after arrival (GET by id)',
  })
  amendmentRequests?: AmendmentRequestResponseDto[];
  @ApiPropertyOptional({
    type: RegulationYardWaitDto,
    nullable: true,
    description: 'Waiting at a regulation yard for its call to the gate, or called (GET by id); null otherwise',
  })
  regulationYard?: RegulationYardWaitDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'While accepted: the check-in token (also as a QR image at /declarations/:id/qr.png); GET by id',
  })
  qrToken?: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) arrivedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) exitedAt: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['CN', 'VN_INLAND'] }) exitDestination: string | null;
}

export class DeclarationPageResponseDto {
  @ApiProperty({ type: [DeclarationResponseDto] }) items: DeclarationResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null at the end' })
  nextCursor: string | null;
}
