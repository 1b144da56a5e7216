import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { CompanyAuthGuard } from '../companies/company-auth.guard.js';
import { CurrentCompany } from '../companies/current-company.decorator.js';
import { DeclarationsService } from './declarations.service.js';
import {
  DeclarationPageResponseDto,
  DeclarationResponseDto,
  SubmitDeclarationResponseDto,
} from './dto/declaration.response.dto.js';
import { ListDeclarationsQueryDto } from './dto/list-declarations.query.dto.js';
import { SubmitDeclarationRequestDto } from './dto/submit-declaration.request.dto.js';
import { IdempotencyService } from './idempotency.service.js';

@ApiTags('declarations')
@ApiBearerAuth('company')
@UseGuards(CompanyAuthGuard)
@Controller('api/v1/declarations')
export class DeclarationsController {
  constructor(private readonly declarations: DeclarationsService) {}

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
}
