import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type HealthReport, HealthService } from './health.service.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({
    summary: 'Database, Redis and worker progress',
    description:
      '200 while PostgreSQL answers (status `ok`, or `degraded` when Redis or the worker is behind: submissions ' +
      'are still accepted and kept); 503 when PostgreSQL is down.',
  })
  @ApiOkResponse({ description: 'Serving' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL is unreachable' })
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.report();
    void reply.status(report.status === 'down' ? 503 : 200);
    return report;
  }
}
