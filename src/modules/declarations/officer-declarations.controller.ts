import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { gateParam } from '../../common/http/gate-param.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { OfficerDeclarationResponseDto } from './dto/officer-declaration.response.dto.js';
import { OfficerDeclarationsService } from './officer-declarations.service.js';

@ApiTags('gate officers')
@ApiBearerAuth('officer')
@UseGuards(OfficerAuthGuard)
@Controller('api/v1')
export class OfficerDeclarationsController {
  constructor(private readonly declarations: OfficerDeclarationsService) {}

  @Get('gates/:gate/declarations/:id')
  @ApiOperation({
    summary: 'A declaration of the gate in full, as officers check it at the barrier (officers posted at the gate)',
    description:
      'The vehicle, the driver with the identity document (to check against the person), the goods, the clearance ' +
      'steps with who claimed and who decided each, and the timeline. Any agency. A declaration for another gate, ' +
      'or none, answers 404.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES, description: 'Any letter case' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OfficerDeclarationResponseDto })
  @ApiErrorResponses(400, 401, 403, 404)
  declaration(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Param('id') id: string,
  ): Promise<OfficerDeclarationResponseDto> {
    return this.declarations.atGate(officer, gateParam(gate), id);
  }
}
