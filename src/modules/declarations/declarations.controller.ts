import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { CompanyAuthGuard } from '../companies/company-auth.guard.js';
import { CurrentCompany } from '../companies/current-company.decorator.js';
import { CompanyRoles } from '../companies/company-roles.decorator.js';
import { DeclarationsService } from './declarations.service.js';
import {
  DeclarationPageResponseDto,
  DeclarationResponseDto,
  SubmitDeclarationResponseDto,
} from './dto/declaration.response.dto.js';
import { ListDeclarationsQueryDto } from './dto/list-declarations.query.dto.js';
import { SubmitDeclarationRequestDto } from './dto/submit-declaration.request.dto.js';
import { IdempotencyService } from './idempotency.service.js';
import { DeclarationChangesService } from './declaration-changes.service.js';
import { Idempotent } from './idempotent.decorator.js';
import { AmendDeclarationRequestDto } from './dto/amend-declaration.request.dto.js';
import { AmendmentRequestResponseDto } from './dto/amendment.dto.js';
import { toAmendmentResponse } from './amendment.mapper.js';

@ApiTags('declarations')
@ApiBearerAuth('company')
@ApiCookieAuth('company-session')
@CompanyRoles('admin', 'clerk', 'api_key')
@UseGuards(CompanyAuthGuard)
@Controller('api/v1/declarations')
export class DeclarationsController {
  constructor(
    private readonly declarations: DeclarationsService,
    private readonly changes: DeclarationChangesService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Declare a truck trip',
    description:
      'Stores the declaration and queues it for screening; it moves to `accepted` or `rejected` shortly after. ' +
      'The same Idempotency-Key with the same body replays the first answer (header `Idempotent-Replayed: true`).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '1-255 visible ASCII characters, unique per company',
  })
  @ApiAcceptedResponse({ type: SubmitDeclarationResponseDto })
  @ApiErrorResponses(400, 401, 409, 413, 415, 422)
  async submit(
    @CurrentCompany() company: AuthenticatedCompany,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: SubmitDeclarationRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const key = IdempotencyService.validateKey(idempotencyKey);
    const result = await this.declarations.submit(company, key, dto, request.body);
    void reply.status(result.status);
    if (typeof result.body.id === 'string') void reply.header('location', `/api/v1/declarations/${result.body.id}`);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: "List the company's declarations, newest first, with filters and cursor paging" })
  @ApiOkResponse({ type: DeclarationPageResponseDto })
  @ApiErrorResponses(400, 401)
  list(
    @CurrentCompany() company: AuthenticatedCompany,
    @Query() query: ListDeclarationsQueryDto,
  ): Promise<DeclarationPageResponseDto> {
    return this.declarations.listOwned(company, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One declaration of the company, with its timeline',
    description: "Other companies' declarations answer 404.",
  })
  @ApiOkResponse({ type: DeclarationResponseDto })
  @ApiErrorResponses(401, 404)
  get(@CurrentCompany() company: AuthenticatedCompany, @Param('id') id: string): Promise<DeclarationResponseDto> {
    return this.declarations.getOwned(company, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Amend a declaration',
    description:
      'Before arrival (submitted or accepted): applied at once and screened again (200, the declaration). ' +
      'After arrival: recorded as a request for a supervisor of the gate (202, the request).',
  })
  @ApiOkResponse({ type: DeclarationResponseDto })
  @ApiAcceptedResponse({ type: AmendmentRequestResponseDto })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(200, 202)
  async amend(
    @CurrentCompany() company: AuthenticatedCompany,
    @Param('id') id: string,
    @Body() dto: AmendDeclarationRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeclarationResponseDto | AmendmentRequestResponseDto> {
    const outcome = await this.changes.amend(company, id, dto);
    if (outcome.kind === 'requested') {
      void reply.status(202);
      return toAmendmentResponse(outcome.request);
    }
    return this.declarations.getOwned(company, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a declaration before arrival (submitted or accepted); frees its capacity slot' })
  @ApiOkResponse({ type: DeclarationResponseDto })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(200)
  async cancel(
    @CurrentCompany() company: AuthenticatedCompany,
    @Param('id') id: string,
  ): Promise<DeclarationResponseDto> {
    await this.changes.cancel(company, id);
    return this.declarations.getOwned(company, id);
  }

  @Get(':id/qr.png')
  @ApiOperation({ summary: 'The check-in QR code of an accepted declaration (PNG), to show at the gate' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'PNG image', schema: { type: 'string', format: 'binary' } })
  @ApiErrorResponses(401, 404, 409)
  async qr(
    @CurrentCompany() company: AuthenticatedCompany,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.declarations.qrPng(company, id);
    void reply.header('content-type', 'image/png').header('cache-control', 'no-store');
    return png;
  }
}
