import { ApiProperty } from '@nestjs/swagger';
import { TimelineEntryResponseDto } from '../../declarations/dto/declaration.response.dto.js';
import { DECLARATION_STATUSES, type DeclarationStatus } from '../../declarations/declaration-status.js';
import { DIRECTIONS, type Direction, GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';

export class CurrentStepResponseDto {
  @ApiProperty({ enum: ['customs', 'border_guard', 'quarantine', 'yard'] }) agency: string;
  @ApiProperty({ enum: ['waiting', 'claimed', 'held'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 = next; null when an officer is already on it' })
  queuePosition: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Minutes until the step is likely taken: position ÷ steps this queue decided in the last hour',
  })
  estimatedWaitMinutes: number | null;
  @ApiProperty({ enum: ['ok', 'insufficient_data', 'in_progress'], description: 'Why there is or is no estimate' })
  estimate: 'ok' | 'insufficient_data' | 'in_progress';
}

/** The public answer: status, gate and times only. Never the driver, company, goods or notes. */
export class PublicRegulationYardDto {
  @ApiProperty({ example: 'PHU_XA' }) yard: string;
  @ApiProperty({ example: 'Bãi Phú Xá (Viettel Logistics Park)' }) yardName: string;
  @ApiProperty({ enum: ['waiting', 'called'], description: '`called`: drive to the gate before `callDeadline`' })
  state: string;
  @ApiProperty({ nullable: true, type: Number, description: "Place in the gate's line while waiting (1: next)" })
  placeInLine: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) calledAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) callDeadline: string | null;
}

export class VehicleStatusResponseDto {
  @ApiProperty({ example: '12C12345', description: 'Canonical plate' }) plate: string;
  @ApiProperty({ example: '12C-123.45' }) plateDisplay: string;
  @ApiProperty({ enum: DECLARATION_STATUSES }) status: DeclarationStatus;
  @ApiProperty({ enum: GATE_CODES }) gate: GateCode;
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
  @ApiProperty({ format: 'date-time' }) expectedArrivalAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [TimelineEntryResponseDto] }) timeline: TimelineEntryResponseDto[];
  @ApiProperty({
    type: [CurrentStepResponseDto],
    description: 'In the yard: the steps still open (ready or being worked on), with the place in each queue',
  })
  currentSteps: CurrentStepResponseDto[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Accepted and on its way: how many accepted vehicles are expected at the gate before it, counted up to ' +
      'LOOKUP_AHEAD_CAP (default 1000; the cap itself means at least that many); null otherwise',
  })
  expectedAhead: number | null;

  @ApiProperty({
    type: PublicRegulationYardDto,
    nullable: true,
    description: 'Waiting at a regulation yard for its call to the gate, or called; null otherwise',
  })
  regulationYard: PublicRegulationYardDto | null;
}
