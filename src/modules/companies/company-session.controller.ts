import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
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
import { msg } from '../../common/i18n/message.js';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { answerLoginRefusal, knownDeviceCookie, loginClient } from '../officers/login-answers.js';
import { COMPANY_DEVICE_COOKIE, LoginPolicy } from '../officers/login-policy.js';
import { companySessionCookie, companySessionToken, fromOwnOrigin } from './company-session.cookie.js';
import { CompanySessionsService } from './company-sessions.service.js';
import { CompanyLoginRequestDto, CompanySessionResponseDto } from './dto/company-session.dto.js';

const COMPANY_LOGIN_PATH = '/api/v1/company/session';

/** Signing in to the company portal: a session cookie for a person of a company, and its CSRF token. */
@ApiTags('company')
@Controller('api/v1/company/session')
export class CompanySessionController {
  constructor(
    private readonly sessions: CompanySessionsService,
    @Inject(authConfig.KEY) private readonly authConfig: AuthConfig,
    private readonly loginPolicy: LoginPolicy,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the company portal',
    description:
      'Sets the HttpOnly cookie `bg_company_session` and answers the person with the `csrfToken` to send as ' +
      '`X-CSRF-Token` on unsafe requests. An unknown username, a wrong password and a disabled account all answer ' +
      'the same 401 `AUTH.LOGIN_FAILED`; repeated failures from one address or for one username make further ' +
      'attempts wait as for officers (429 with `Retry-After`; the `bg_company_device` cookie of an earlier ' +
      "sign-in as that username passes the username's wait). 503 `AUTH.BUSY` when too many password checks run.",
  })
  @ApiOkResponse({
    type: CompanySessionResponseDto,
    headers: {
      'Set-Cookie': {
        description:
          'bg_company_session=…; HttpOnly; SameSite=Strict; Path=/ and ' +
          'bg_company_device=…; HttpOnly; SameSite=Strict; Path=/api/v1/company/session',
      },
    },
  })
  @ApiErrorResponses(400, 401, 403)
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins from this address or for this username',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds until the next attempt', schema: { type: 'integer' } } },
  })
  @ApiServiceUnavailableResponse({
    description: 'Too many password checks running at once (`AUTH.BUSY`)',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  async login(
    @Body() dto: CompanyLoginRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanySessionResponseDto> {
    // Another site must not sign the browser in to an account of its choosing.
    if (!fromOwnOrigin(request)) throw new DomainError('AUTH.CSRF', msg('auth.csrf'));
    const devices = this.loginPolicy.companyDevices;
    try {
      const client = loginClient(request, devices, COMPANY_DEVICE_COOKIE, dto.username);
      const { token, session } = await this.sessions.login(dto.username, dto.password, client);
      const previous = companySessionToken(request);
      if (previous) await this.sessions.end(previous);
      void reply.header('set-cookie', [
        companySessionCookie(request, token, this.authConfig.companySessionMaxSeconds),
        knownDeviceCookie(request, devices, COMPANY_DEVICE_COOKIE, COMPANY_LOGIN_PATH, dto.username),
      ]);
      return session;
    } catch (error) {
      answerLoginRefusal(error, request, reply, 'company', dto.username);
      throw error;
    }
  }

  @Get()
  @ApiCookieAuth('company-session')
  @ApiOperation({
    summary: 'The signed-in person of the company portal, with the CSRF token',
    description: '401 `AUTH.SESSION_MISSING` without the cookie, `AUTH.SESSION_EXPIRED` when it has ended.',
  })
  @ApiOkResponse({ type: CompanySessionResponseDto })
  @ApiErrorResponses(401)
  async current(@Req() request: FastifyRequest): Promise<CompanySessionResponseDto> {
    const token = companySessionToken(request);
    if (!token) throw new DomainError('AUTH.SESSION_MISSING', msg('auth.sessionMissing'));
    const resumed = await this.sessions.resume(token);
    if (!resumed) throw new DomainError('AUTH.SESSION_EXPIRED', msg('auth.sessionExpired'));
    return { user: resumed.user, csrfToken: resumed.csrfToken };
  }

  @Delete()
  @HttpCode(204)
  @ApiCookieAuth('company-session')
  @ApiOperation({
    summary: 'Sign out of the company portal',
    description: 'Ends the session and clears the cookie; without a (valid) cookie there is nothing to end: 204 too.',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = companySessionToken(request);
    if (token) await this.sessions.end(token);
    void reply.header('set-cookie', companySessionCookie(request, '', 0));
  }
}
