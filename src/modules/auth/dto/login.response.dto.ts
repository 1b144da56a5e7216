import { ApiProperty } from '@nestjs/swagger';
import { GATE_CODES, type GateCode } from '../../../common/domain/gate-code.js';
import { AGENCIES, type Agency } from '../../officers/agency.js';

export class LoginResponseDto {
  @ApiProperty({
    description: 'Send as `Authorization: Bearer <accessToken>`',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…',
  })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 900 })
  expiresIn: number;
}

/** The signed-in officer (`GET /api/v1/auth/me`). */
export class CurrentOfficerResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'nguyen.van.an' })
  username: string;

  @ApiProperty({ enum: AGENCIES })
  agency: Agency;

  @ApiProperty({ enum: GATE_CODES, isArray: true })
  gates: GateCode[];
}
