import { ApiProperty } from '@nestjs/swagger';
import { GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { IsGateCode } from '../../../common/validation/gate-field.js';

export class ListOfficersQueryDto {
  @ApiProperty({ enum: GATE_CODES, description: 'The gate whose officers to list; any letter case' })
  @IsGateCode()
  gate: GateCode;
}
