import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses, ErrorResponseDto } from '../../common/http/api-error-responses.js';
import { AuthService, LoginThrottledError } from './auth.service.js';
import { CurrentOfficer } from './current-officer.decorator.js';
import { LoginRequestDto } from './dto/login.request.dto.js';
import { CurrentOfficerResponseDto, LoginResponseDto } from './dto/login.response.dto.js';
import type { AuthenticatedOfficer } from './officer-access.js';
import { OfficerAuthGuard } from './officer-auth.guard.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Officer login: username and password for a short-lived access token',
    description:
      'An unknown username, a wrong password and a disabled account all answer the same 401. After ' +
      '`AUTH_LOGIN_MAX_FAILURES` failures in a row the account is locked for `AUTH_LOGIN_LOCK_SECONDS`: ' +
      '429 with `Retry-After`, even with the right password.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(400, 401)
  @ApiTooManyRequestsResponse({
    description: 'Account locked after too many failed logins',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds until the lock ends', schema: { type: 'integer' } } },
  })
  async login(
    @Body() dto: LoginRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    try {
      return await this.auth.login(dto.username, dto.password);
    } catch (error) {
      if (error instanceof LoginThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Get('me')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: 'The signed-in officer: agency and gates as they stand now' })
  @ApiOkResponse({ type: CurrentOfficerResponseDto })
  @ApiErrorResponses(401)
  @ApiForbiddenResponse({
    description: 'A company API key was sent instead of an officer token',
    type: ErrorResponseDto,
  })
  me(@CurrentOfficer() officer: AuthenticatedOfficer): CurrentOfficerResponseDto {
    return { id: officer.id, username: officer.username, agency: officer.agency, gates: officer.gates };
  }
}
