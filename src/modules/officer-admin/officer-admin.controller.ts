import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { Idempotent } from '../declarations/idempotent.decorator.js';
import { OfficerAdministrationService } from '../officers/officer-administration.service.js';
import { CreateOfficerRequestDto } from './dto/create-officer.request.dto.js';
import { ListOfficersQueryDto } from './dto/list-officers.query.dto.js';
import { OfficerPostingsRequestDto } from './dto/officer-postings.request.dto.js';
import { OfficerResponseDto } from './dto/officer.response.dto.js';
import { ResetPasswordRequestDto } from './dto/reset-password.request.dto.js';

const ONLY_THEIR_OFFICERS =
  'Supervisors only, for officers whose gates are all among the supervisor’s (else 403 AUTH.FORBIDDEN). ' +
  'Recorded with the supervisor who made the change.';

@ApiTags('officer administration')
@ApiBearerAuth('officer')
@UseGuards(OfficerAuthGuard)
@Controller('api/v1/officers')
export class OfficerAdminController {
  constructor(private readonly admin: OfficerAdministrationService) {}

  @Get()
  @ApiOperation({
    summary: 'The officers posted at a gate (supervisors of the gate)',
    description: 'Active, disabled and locked ones, by username.',
  })
  @ApiOkResponse({ type: [OfficerResponseDto] })
  @ApiErrorResponses(400, 401, 403)
  list(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Query() query: ListOfficersQueryDto,
  ): Promise<OfficerResponseDto[]> {
    return this.admin.list(officer, query.gate);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an officer (supervisors, at their own gates)',
    description:
      'A supervisor may post the new officer only at gates the supervisor is posted at, and may create ' +
      'supervisors for those gates. A taken username: 409 CONFLICT.DUPLICATE.',
  })
  @ApiCreatedResponse({ type: OfficerResponseDto })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  @Idempotent(201)
  create(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Body() body: CreateOfficerRequestDto,
  ): Promise<OfficerResponseDto> {
    return this.admin.create(officer, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an officer: they cannot log in, and their tokens stop working at once',
    description: `${ONLY_THEIR_OFFICERS} Not oneself. Disabling a disabled officer changes nothing.`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OfficerResponseDto })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  @Idempotent(200)
  disable(@CurrentOfficer() officer: AuthenticatedOfficer, @Param('id') id: string): Promise<OfficerResponseDto> {
    return this.admin.disable(officer, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enable a disabled officer: they can log in again (tokens from before stay ended)',
    description: ONLY_THEIR_OFFICERS,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OfficerResponseDto })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  @Idempotent(200)
  enable(@CurrentOfficer() officer: AuthenticatedOfficer, @Param('id') id: string): Promise<OfficerResponseDto> {
    return this.admin.enable(officer, id);
  }

  @Put(':id/postings')
  @ApiOperation({
    summary: 'Post an officer at other gates, or in another agency',
    description:
      `${ONLY_THEIR_OFFICERS} The new gates must be the supervisor's too. A supervisor cannot give up their own ` +
      'supervisor posting. Takes effect on the officer’s next request.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OfficerResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(200)
  postings(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('id') id: string,
    @Body() body: OfficerPostingsRequestDto,
  ): Promise<OfficerResponseDto> {
    return this.admin.setPostings(officer, id, body);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reset an officer’s password',
    description:
      `${ONLY_THEIR_OFFICERS} Clears the failed-login lock; every token issued before the reset stops working ` +
      'at once.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OfficerResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(200)
  resetPassword(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('id') id: string,
    @Body() body: ResetPasswordRequestDto,
  ): Promise<OfficerResponseDto> {
    return this.admin.resetPassword(officer, id, body.password);
  }
}
