import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses, ErrorResponseDto } from '../../common/http/api-error-responses.js';
import { AuthService } from './auth.service.js';
import { answerLoginRefusal, knownDeviceCookie, loginClient } from '../officers/login-answers.js';
import { LoginPolicy, OFFICER_DEVICE_COOKIE } from '../officers/login-policy.js';
import { CurrentOfficer } from './current-officer.decorator.js';
import { LoginRequestDto } from './dto/login.request.dto.js';
import { CurrentOfficerResponseDto, LoginResponseDto } from './dto/login.response.dto.js';
import type { AuthenticatedOfficer } from './officer-access.js';
import { OfficerAuthGuard } from './officer-auth.guard.js';

const OFFICER_LOGIN_PATH = '/api/v1/auth/login';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly loginPolicy: LoginPolicy,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Officer login: username and password for a short-lived access token',
    description:
      'An unknown username, a wrong password and a disabled account all answer the same 401. After ' +
      '`AUTH_LOGIN_ADDRESS_MAX_FAILURES` failures from one address in `AUTH_LOGIN_ADDRESS_WINDOW_SECONDS`, or ' +
      '`AUTH_LOGIN_MAX_FAILURES` in a row for one username, further attempts get 429 `AUTH.TOO_MANY_ATTEMPTS` ' +
      'with `Retry-After` (a username waits 2^n seconds, at most `AUTH_LOGIN_LOCK_SECONDS`; a browser holding the ' +
      '`bg_officer_device` cookie from an earlier sign-in as that username does not). 503 `AUTH.BUSY` when too ' +
      'many password checks are already running.',
  })
  @ApiOkResponse({
    type: LoginResponseDto,
    headers: {
      'Set-Cookie': { description: 'bg_officer_device=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth/login' },
    },
  })
  @ApiErrorResponses(400, 401)
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins from this address or for this username',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds until the next attempt', schema: { type: 'integer' } } },
  })
  @ApiServiceUnavailableResponse({
    description: 'Too many password checks running at once (`AUTH.BUSY`)',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  async login(
    @Body() dto: LoginRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    const devices = this.loginPolicy.officerDevices;
    try {
      const client = loginClient(request, devices, OFFICER_DEVICE_COOKIE, dto.username);
      const token = await this.auth.login(dto.username, dto.password, client);
      const cookie = knownDeviceCookie(request, devices, OFFICER_DEVICE_COOKIE, OFFICER_LOGIN_PATH, dto.username);
      void reply.header('set-cookie', cookie);
      return token;
    } catch (error) {
      answerLoginRefusal(error, request, reply, 'officer', dto.username);
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
