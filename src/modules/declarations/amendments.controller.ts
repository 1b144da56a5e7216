import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { gateParam } from '../../common/http/gate-param.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { toAmendmentResponse } from './amendment.mapper.js';
import { DeclarationChangesService } from './declaration-changes.service.js';
import { Idempotent } from './idempotent.decorator.js';
import { AmendmentDecisionRequestDto, AmendmentRequestResponseDto } from './dto/amendment.dto.js';

@ApiTags('gate officers')
@ApiBearerAuth('officer')
@UseGuards(OfficerAuthGuard)
@Controller('api/v1')
export class AmendmentsController {
  constructor(private readonly changes: DeclarationChangesService) {}

  @Get('gates/:gate/amendment-requests')
  @ApiOperation({
    summary: 'Amendments waiting for a supervisor of the gate',
    description: "Each with the vehicle's plate and the declaration's reference, and the changes asked for.",
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES, description: 'Any letter case' })
  @ApiOkResponse({ type: [AmendmentRequestResponseDto] })
  @ApiErrorResponses(400, 401, 403)
  async pending(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
  ): Promise<AmendmentRequestResponseDto[]> {
    return (await this.changes.pendingAmendments(officer, gateParam(gate))).map(toAmendmentResponse);
  }

  @Post('amendment-requests/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve (applies the change) or decline an amendment asked for after arrival (supervisor)',
  })
  @ApiOkResponse({ type: AmendmentRequestResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(200)
  async decide(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('id') id: string,
    @Body() body: AmendmentDecisionRequestDto,
  ): Promise<AmendmentRequestResponseDto> {
    return toAmendmentResponse(await this.changes.decideAmendment(officer, id, body.decision, body.note));
  }
}
