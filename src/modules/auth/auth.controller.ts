import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiErrorResponses, ErrorResponseDto } from '../../common/http/api-error-responses.js';
import { fromOwnOrigin } from '../../common/http/cookie.js';
import { msg } from '../../common/i18n/message.js';
import { AuthService, LoginThrottledError } from './auth.service.js';
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

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly refreshTokens: OfficerRefreshTokens,
    private readonly tokens: TokenService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Officer login: username and password for a short-lived access token',
    description:
      'An unknown username, a wrong password and a disabled account all answer the same 401. After ' +
      '`AUTH_LOGIN_MAX_FAILURES` failures in a row the account is locked for `AUTH_LOGIN_LOCK_SECONDS`: ' +
      '429 with `Retry-After`, even with the right password. Also sets the HttpOnly cookie `bg_officer_refresh` ' +
      '(path `/api/v1/auth`) that `POST /api/v1/auth/refresh` exchanges for a new access token.',
  })
  @ApiOkResponse({
    type: LoginResponseDto,
    headers: {
      'Set-Cookie': { description: 'bg_officer_refresh=…; HttpOnly; SameSite=Strict; Path=/api/v1/auth' },
    },
  })
  @ApiErrorResponses(400, 401)
  @ApiTooManyRequestsResponse({
    description: 'Account locked after too many failed logins',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds until the lock ends', schema: { type: 'integer' } } },
  })
  async login(
    @Body() dto: LoginRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponseDto> {
    assertOwnOrigin(request);
    try {
      const access = await this.auth.login(dto.username, dto.password);
      // The login answer names the officer only inside the token it just signed.
      const claims = await this.tokens.verify(OFFICER_AUDIENCE, access.accessToken);
      const refreshToken = await this.refreshTokens.start(claims.sub, officerTokenVersion(claims));
      void reply.header('set-cookie', officerRefreshCookie(request, refreshToken));
      return access;
    } catch (error) {
      if (error instanceof LoginThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
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
