import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { errorLanguage } from '../../common/http/error-language.js';
import { toErrorBody } from '../../common/http/to-error-body.js';
import { addressBucket } from '../../common/ipv6.js';
import { type RateLimitConfig, rateLimitConfig } from '../../config/config-groups.js';
import { hashApiKey, looksLikeApiKey } from '../companies/api-key.js';
import { CompaniesService } from '../companies/companies.service.js';
import { companySessionToken } from '../companies/company-session.cookie.js';
import { CompanySessionsService, sessionId } from '../companies/company-sessions.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import {
  RATE_LIMIT_WINDOW_MS,
  RATE_LIMIT_SCOPES,
  rateLimitScope,
  rateLimitVerdict,
  type RateLimitScope,
  type WindowDecision,
} from './rate-limit.policy.js';
import { FAIL_OPEN_REASONS, failOpenReason } from './fail-open.js';
import { RateLimitLeases } from './rate-limit-leases.service.js';
import { msg } from '../../common/i18n/message.js';

// Keys seen valid are remembered briefly, so a busy key costs no extra lookup; the guard still checks each request.
const KNOWN_KEY_TTL_MS = 60_000;
const KNOWN_KEYS_MAX = 10_000;

/**
 * Per-minute request budgets, enforced in a Fastify onRequest hook: before the body is read and before any
 * guard. Each process spends its share of a budget in blocks leased from Redis (RateLimitLeases), so most
 * requests cost no Redis round trip and the limit still holds across processes. Public routes count per
 * client address; company routes per API key (by its SHA-256, never the key), per company for a portal
 * sign-in, or per address when the request carries neither valid, so inventing keys buys no budget. When Redis
 * is down, slow or stalled the request goes through (fail open) after at most RATE_LIMIT_REDIS_TIMEOUT_MS and
 * is counted in a metric by reason: taking declarations matters more than strict limits,
 * and PostgreSQL still protects itself with its bounded pool.
 */
@Injectable()
export class RateLimiter {
  private readonly knownKeys = new Map<string, number>();
  private readonly knownSessions = new Map<string, { companyId: string; until: number }>();

  constructor(
    @Inject(rateLimitConfig.KEY) private readonly rateLimitConfig: RateLimitConfig,
    private readonly leases: RateLimitLeases,
    private readonly companies: CompaniesService,
    private readonly sessions: CompanySessionsService,
    private readonly metrics: MetricsService,
  ) {
    metrics.declareRateLimitFailOpen(RATE_LIMIT_SCOPES, FAIL_OPEN_REASONS);
  }

  /** The hook. Answers 429 in the service's error shape, or returns undefined to let the request go on. */
  async onRequest(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const scope = rateLimitScope(request.routeOptions.url);
    if (!scope) return undefined;
    const limit = scope === 'public' ? this.rateLimitConfig.publicPerMin : this.rateLimitConfig.companyPerMin;
    if (limit === 0) return undefined;

    const subject = scope === 'company' ? await this.companySubject(request) : this.addressSubject(request);
    const decision = await this.count(scope, subject, limit);
    if (!decision) return undefined;

    const verdict = rateLimitVerdict(limit, decision);
    void reply.headers(verdict.headers);
    if (verdict.allowed) return undefined;
    this.metrics.recordRateLimited(scope);
    const error = new DomainError(
      'RATE_LIMIT.EXCEEDED',
      msg('rateLimit.exceeded', { limit, seconds: verdict.retryAfterSeconds }),
      { limit, windowSeconds: RATE_LIMIT_WINDOW_MS / 1000, retryAfterSeconds: verdict.retryAfterSeconds },
    );
    return reply.status(429).send(toErrorBody(error, String(request.id), errorLanguage(request, reply)).body);
  }

  private async count(scope: RateLimitScope, subject: string, limit: number): Promise<WindowDecision | null> {
    try {
      return await this.leases.take(`${scope}:${subject}`, limit);
    } catch (error) {
      this.metrics.recordRateLimitFailOpen(scope, failOpenReason(error)); // RateLimitLeases logs the outage once
      return null;
    }
  }

  private addressSubject(request: FastifyRequest): string {
    return `ip:${addressBucket(request.ip)}`;
  }

  private async companySubject(request: FastifyRequest): Promise<string> {
    const secret = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (secret && looksLikeApiKey(secret)) {
      const hash = hashApiKey(secret).toString('hex');
      if (await this.isKnownKey(hash, secret)) return `key:${hash}`;
    } else if (!request.headers.authorization) {
      const token = companySessionToken(request);
      const companyId = token ? await this.sessionCompany(token) : null;
      // The portal's people share their company's budget: signing in again buys none.
      if (companyId) return `company:${companyId}`;
    }
    return this.addressSubject(request);
  }

  private async sessionCompany(token: string): Promise<string | null> {
    const id = sessionId(token);
    const now = Date.now();
    const known = this.knownSessions.get(id);
    if (known && known.until > now) return known.companyId;
    // PostgreSQL down: count per address; the guard answers the request as it would anyway.
    const companyId = await this.sessions.companyOf(token).catch(() => null);
    if (!companyId) return null;
    if (this.knownSessions.size >= KNOWN_KEYS_MAX) this.knownSessions.clear();
    this.knownSessions.set(id, { companyId, until: now + KNOWN_KEY_TTL_MS });
    return companyId;
  }

  private async isKnownKey(hash: string, secret: string): Promise<boolean> {
    const now = Date.now();
    if ((this.knownKeys.get(hash) ?? 0) > now) return true;
    // PostgreSQL down: count per address; the guard answers the request as it would anyway.
    const company = await this.companies.authenticate(secret).catch(() => null);
    if (!company) return false;
    if (this.knownKeys.size >= KNOWN_KEYS_MAX) this.knownKeys.clear();
    this.knownKeys.set(hash, now + KNOWN_KEY_TTL_MS);
    return true;
  }
}
