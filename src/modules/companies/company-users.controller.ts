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
import { CompanyAuthGuard } from './company-auth.guard.js';
import type { AuthenticatedCompany } from './company-principal.js';
import { CompanyRoles } from './company-roles.decorator.js';
import { CompanyUsersService } from './company-users.service.js';
import { CurrentCompany } from './current-company.decorator.js';
import { CompanyUserResponseDto, CreateCompanyUserRequestDto } from './dto/company-user.dto.js';

/** The company's people, managed by its administrators in the portal. */
@ApiTags('company')
@ApiCookieAuth('company-session')
@ApiBearerAuth('company')
@CompanyRoles('admin')
@UseGuards(CompanyAuthGuard)
@Controller('api/v1/company/users')
export class CompanyUsersController {
  constructor(private readonly users: CompanyUsersService) {}

  @Get()
  @ApiOperation({ summary: "The company's people, oldest first (administrators)" })
  @ApiOkResponse({ type: CompanyUserResponseDto, isArray: true })
  @ApiErrorResponses(401, 403)
  list(@CurrentCompany() company: AuthenticatedCompany): Promise<CompanyUserResponseDto[]> {
    return this.users.list(company.companyId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add a person to the company (administrators)',
    description: 'The username is lower-cased and must be free in every company: 409 `CONFLICT.DUPLICATE` if not.',
  })
  @ApiCreatedResponse({ type: CompanyUserResponseDto })
  @ApiErrorResponses(400, 401, 403, 409)
  create(
    @CurrentCompany() company: AuthenticatedCompany,
    @Body() dto: CreateCompanyUserRequestDto,
  ): Promise<CompanyUserResponseDto> {
    return this.users.create({ companyId: company.companyId, ...dto });
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a person: they can no longer sign in, and their sign-ins end now (administrators)',
    description: 'An administrator cannot disable themself: 409 `COMPANY_USER.CANNOT_DISABLE_SELF`.',
  })
  @ApiOkResponse({ type: CompanyUserResponseDto })
  @ApiErrorResponses(401, 403, 404, 409)
  disable(@CurrentCompany() company: AuthenticatedCompany, @Param('id') id: string): Promise<CompanyUserResponseDto> {
    return this.users.disable(company.companyId, id, company.userId);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let a disabled person sign in again (administrators)' })
  @ApiOkResponse({ type: CompanyUserResponseDto })
  @ApiErrorResponses(401, 403, 404)
  enable(@CurrentCompany() company: AuthenticatedCompany, @Param('id') id: string): Promise<CompanyUserResponseDto> {
    return this.users.enable(company.companyId, id);
  }
}
