import { RegulationYardWaitDto } from './regulation-yard-wait.response.dto.js';
import { FeeQuoteDto } from '../../fees/dto/fee-quote.dto.js';
import { ApiProperty } from '@nestjs/swagger';
import { DIRECTIONS, type Direction, GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../declaration-status.js';
import {
  CargoResponseDto,
  DriverResponseDto,
  HandoverResponseDto,
  SlotResponseDto,
  TimelineEntryResponseDto,
  VehicleResponseDto,
} from './declaration.response.dto.js';
import { StepResponseDto } from './step.response.dto.js';
import { TRIP_KINDS, type TripKind } from '../trip-kind.js';

/** An officer named on a step. */
export class StepOfficerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'customs.nguyen' }) username: string;
}

/** A clearance step as officers see it: who works on it, who decided it. */
export class OfficerStepResponseDto extends StepResponseDto {
  @ApiProperty({ type: StepOfficerDto, nullable: true, description: 'Who claimed it (while claimed, and after)' })
  claimedBy: StepOfficerDto | null;

  @ApiProperty({ type: StepOfficerDto, nullable: true, description: 'Who decided it; null until decided' })
  decidedBy: StepOfficerDto | null;
}

/** A declaration as officers at its gate see it at the barrier: the vehicle, the person, the goods, the steps. */
export class OfficerDeclarationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HN-20261127-00042' }) reference: string;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: DeclarationStatus;
  @ApiProperty({ description: 'Increases with every status change' }) version: number;
  @ApiProperty({ enum: GATE_CODES }) gate: GateCode;
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
  @ApiProperty({ enum: TRIP_KINDS }) tripKind: TripKind;
  @ApiProperty({ type: HandoverResponseDto, nullable: true }) handover: HandoverResponseDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'The fee exemption the company claims' })
  feeExemptionCode: string | null;
  @ApiProperty({ format: 'date-time' }) expectedArrivalAt: string;
  @ApiProperty({ type: SlotResponseDto, nullable: true, description: 'The booked arrival hour; null: none' })
  slot: SlotResponseDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) arrivedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) exitedAt: string | null;
  @ApiProperty({ type: VehicleResponseDto }) vehicle: VehicleResponseDto;
  @ApiProperty({
    type: DriverResponseDto,
    description: 'The identity document is shown to check it against the person; it is never written to logs',
  })
  driver: DriverResponseDto;
  @ApiProperty({ type: CargoResponseDto }) cargo: CargoResponseDto;
  @ApiProperty({
    type: FeeQuoteDto,
    nullable: true,
    description:
      'The border-gate fee as the declaration stands (docs/fees.md), by the schedule in force on its arrival day; ' +
      'what the fee step will collect unless the declaration changes; null before the first schedule',
  })
  feeQuote: FeeQuoteDto | null;
  @ApiProperty({ type: [OfficerStepResponseDto], description: 'Clearance steps; empty before arrival' })
  steps: OfficerStepResponseDto[];
  @ApiProperty({
    type: RegulationYardWaitDto,
    nullable: true,
    description: 'Waiting at a regulation yard for its call to the gate, or called; null otherwise',
  })
  regulationYard: RegulationYardWaitDto | null;
  @ApiProperty({ type: [TimelineEntryResponseDto] }) timeline: TimelineEntryResponseDto[];
}
