import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiErrorResponses, ErrorResponseDto } from '../../common/http/api-error-responses.js';
import { msg } from '../../common/i18n/message.js';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { LoginThrottledError } from '../auth/auth.service.js';
import { companySessionCookie, companySessionToken, fromOwnOrigin } from './company-session.cookie.js';
import { CompanySessionsService } from './company-sessions.service.js';
import { CompanyLoginRequestDto, CompanySessionResponseDto } from './dto/company-session.dto.js';

/** Signing in to the company portal: a session cookie for a person of a company, and its CSRF token. */
@ApiTags('company')
@Controller('api/v1/company/session')
export class CompanySessionController {
  constructor(
    private readonly sessions: CompanySessionsService,
    @Inject(authConfig.KEY) private readonly authConfig: AuthConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the company portal',
    description:
      'Sets the HttpOnly cookie `bg_company_session` and answers the person with the `csrfToken` to send as ' +
      '`X-CSRF-Token` on unsafe requests. An unknown username, a wrong password and a disabled account all answer ' +
      'the same 401 `AUTH.LOGIN_FAILED`; repeated failures lock the account as for officers (429).',
  })
  @ApiOkResponse({
    type: CompanySessionResponseDto,
    headers: { 'Set-Cookie': { description: 'bg_company_session=…; HttpOnly; SameSite=Strict; Path=/' } },
  })
  @ApiErrorResponses(400, 401, 403)
  @ApiTooManyRequestsResponse({
    description: 'Account locked after too many failed sign-ins',
    type: ErrorResponseDto,
    headers: { 'Retry-After': { description: 'Seconds until the lock ends', schema: { type: 'integer' } } },
  })
  async login(
    @Body() dto: CompanyLoginRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CompanySessionResponseDto> {
    // Another site must not sign the browser in to an account of its choosing.
    if (!fromOwnOrigin(request)) throw new DomainError('AUTH.CSRF', msg('auth.csrf'));
    try {
      const { token, session } = await this.sessions.login(dto.username, dto.password);
      const previous = companySessionToken(request);
      if (previous) await this.sessions.end(previous);
      void reply.header('set-cookie', companySessionCookie(request, token, this.authConfig.companySessionMaxSeconds));
      return session;
    } catch (error) {
      if (error instanceof LoginThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
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
