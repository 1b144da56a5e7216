import { ApiProperty } from '@nestjs/swagger';
import { GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { AGENCIES, type Agency } from '../../officers/agency.js';

/** An officer's account as the supervisors of their gates see it. */
export class OfficerResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'customs.nguyen' }) username: string;
  @ApiProperty({ enum: AGENCIES }) agency: Agency;
  @ApiProperty({ enum: GATE_CODES, isArray: true }) gates: GateCode[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Set while disabled' })
  disabledAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Until when too many failed logins lock the account; null when not locked',
  })
  lockedUntil: string | null;
}
