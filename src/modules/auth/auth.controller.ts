import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiErrorResponses, ErrorResponseDto } from '../../common/http/api-error-responses.js';
import { fromOwnOrigin } from '../../common/http/cookie.js';
import { msg } from '../../common/i18n/message.js';
import { AuthService } from './auth.service.js';
import { answerLoginRefusal, knownDeviceCookie, loginClient } from '../officers/login-answers.js';
import { LoginPolicy, OFFICER_DEVICE_COOKIE } from '../officers/login-policy.js';
import { CurrentOfficer } from './current-officer.decorator.js';
import { LoginRequestDto } from './dto/login.request.dto.js';
import { CurrentOfficerResponseDto, LoginResponseDto } from './dto/login.response.dto.js';
import type { AuthenticatedOfficer } from './officer-access.js';
import { OfficerAuthGuard } from './officer-auth.guard.js';
import { officerRefreshCookie, officerRefreshToken } from './officer-refresh.cookie.js';
import { OfficerRefreshTokens } from './officer-refresh-tokens.service.js';
import { OFFICER_AUDIENCE, officerTokenVersion, TokenService } from './token.service.js';

// Another site must not sign a browser in, nor spend or end its refresh token (SameSite=Strict is the first wall).
function assertOwnOrigin(request: FastifyRequest): void {
  if (!fromOwnOrigin(request)) throw new DomainError('AUTH.CSRF', msg('auth.officerCrossSite'));
}

const OFFICER_LOGIN_PATH = '/api/v1/auth/login';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly refreshTokens: OfficerRefreshTokens,
    private readonly tokens: TokenService,
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
      'many password checks are already running. Also sets the HttpOnly cookie `bg_officer_refresh` (path ' +
      '`/api/v1/auth`) that `POST /api/v1/auth/refresh` exchanges for a new access token.',
  })
  @ApiOkResponse({
    type: LoginResponseDto,
    headers: {
      'Set-Cookie': {
        description:
          'bg_officer_refresh=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth, and ' +
          'bg_officer_device=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth/login',
      },
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
    assertOwnOrigin(request);
    const devices = this.loginPolicy.officerDevices;
    try {
      const client = loginClient(request, devices, OFFICER_DEVICE_COOKIE, dto.username);
      const access = await this.auth.login(dto.username, dto.password, client);
      // The login answer names the officer only inside the token it just signed.
      const claims = await this.tokens.verify(OFFICER_AUDIENCE, access.accessToken);
      const refreshToken = await this.refreshTokens.start(claims.sub, officerTokenVersion(claims));
      const device = knownDeviceCookie(request, devices, OFFICER_DEVICE_COOKIE, OFFICER_LOGIN_PATH, dto.username);
      void reply.header('set-cookie', [officerRefreshCookie(request, refreshToken), device]);
      return access;
    } catch (error) {
      answerLoginRefusal(error, request, reply, 'officer', dto.username);
      throw error;
    }
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth('officer-refresh')
  @ApiOperation({
    summary: 'A new officer access token for the refresh-token cookie, which is replaced',
    description:
      'Each refresh token works once: the answer sets its successor in `bg_officer_refresh`. Sending one that was ' +
      'already used ends that sign-in everywhere (its copy may be stolen). 401 `AUTH.SESSION_MISSING` without the ' +
      'cookie; `AUTH.SESSION_EXPIRED` once it was used, signed out, unused for `AUTH_REFRESH_IDLE_SECONDS`, older ' +
      'than `AUTH_REFRESH_MAX_SECONDS`, or the account was disabled or its password changed.',
  })
  @ApiOkResponse({
    type: LoginResponseDto,
    headers: {
      'Set-Cookie': { description: 'bg_officer_refresh=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth' },
    },
  })
  @ApiErrorResponses(401, 403)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    assertOwnOrigin(request);
    const token = officerRefreshToken(request);
    if (!token) throw new DomainError('AUTH.SESSION_MISSING', msg('auth.sessionMissing'));
    try {
      const rotated = await this.refreshTokens.rotate(token);
      void reply.header('set-cookie', officerRefreshCookie(request, rotated.token));
      return await this.auth.accessTokenFor(rotated.officer);
    } catch (error) {
      if (error instanceof DomainError) void reply.header('set-cookie', officerRefreshCookie(request, '', true));
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth('officer-refresh')
  @ApiOperation({
    summary: 'Officer sign-out: ends the sign-in of the refresh-token cookie',
    description:
      'Revokes every refresh token of this sign-in and clears the cookie; access tokens already issued run out ' +
      'within `AUTH_TOKEN_TTL_SECONDS`. Without a (valid) cookie there is nothing to end: 204 too.',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrorResponses(403)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    assertOwnOrigin(request);
    const token = officerRefreshToken(request);
    if (token) await this.refreshTokens.revoke(token);
    void reply.header('set-cookie', officerRefreshCookie(request, '', true));
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
