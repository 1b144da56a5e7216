import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { CompaniesService } from './companies.service.js';
import { CompanyAuthGuard } from './company-auth.guard.js';
import type { AuthenticatedCompany } from './company-principal.js';
import { CompanyRoles } from './company-roles.decorator.js';
import { CurrentCompany } from './current-company.decorator.js';
import { ApiKeyResponseDto, CreateApiKeyRequestDto, CreatedApiKeyResponseDto } from './dto/api-key.dto.js';

/** The company's API keys, managed by its administrators in the portal. */
@ApiTags('company')
@ApiCookieAuth('company-session')
@ApiBearerAuth('company')
@CompanyRoles('admin')
@UseGuards(CompanyAuthGuard)
@Controller('api/v1/company/api-keys')
export class CompanyApiKeysController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({ summary: "The company's API keys, newest first, revoked ones too; never the keys (administrators)" })
  @ApiOkResponse({ type: ApiKeyResponseDto, isArray: true })
  @ApiErrorResponses(401, 403)
  list(@CurrentCompany() company: AuthenticatedCompany): Promise<ApiKeyResponseDto[]> {
    return this.companies.listKeys(company.companyId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Make a new API key; the key is in this answer only (administrators)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  @ApiErrorResponses(400, 401, 403)
  create(
    @CurrentCompany() company: AuthenticatedCompany,
    @Body() dto: CreateApiKeyRequestDto,
  ): Promise<CreatedApiKeyResponseDto> {
    return this.companies.createKey(company.companyId, dto.name);
  }

  @Post(':prefix/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once (administrators)' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiErrorResponses(401, 403, 404)
  revoke(@CurrentCompany() company: AuthenticatedCompany, @Param('prefix') prefix: string): Promise<ApiKeyResponseDto> {
    return this.companies.revokeKey(company.companyId, prefix);
  }
}
