import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { type MetricsConfig, metricsConfig } from '../../config/config-groups.js';
import { carriesMetricsToken } from './metrics-token.js';
import { MetricsService } from './metrics.service.js';

/**
 * Prometheus scrape endpoint on the API port, for scrapers that cannot reach METRICS_PORT: only with
 * `Authorization: Bearer <METRICS_TOKEN>`, and absent (404) when no token is set. Not rate-limited, not in the docs.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(metricsConfig.KEY) private readonly metricsConfig: MetricsConfig,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!this.metricsConfig.token) throw new DomainError('REQUEST.ROUTE_NOT_FOUND', msg('request.routeNotFound'));
    if (!carriesMetricsToken(authorization, this.metricsConfig.token)) {
      void reply.header('www-authenticate', 'Bearer');
      throw new DomainError('AUTH.METRICS_TOKEN_INVALID', msg('auth.metricsToken'));
    }
    const text = await this.metrics.render();
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return text;
  }
}
