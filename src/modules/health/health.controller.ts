import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthResponseDto } from './dto/health.response.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Database, Redis and worker progress',
    description:
      '200 while PostgreSQL answers (status `ok`, or `degraded` when Redis or the worker is behind: submissions ' +
      'are still accepted and kept); 503 `down` when PostgreSQL does not answer or the process is shutting ' +
      'down. Each part answers within 2 s or counts as not answering.',
  })
  @ApiOkResponse({ description: 'Serving: `ok` or `degraded`', type: HealthResponseDto })
  @ApiServiceUnavailableResponse({
    description: 'PostgreSQL is unreachable, or the process is shutting down (`down`)',
    type: HealthResponseDto,
  })
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponseDto> {
    const report = await this.health.report();
    void reply.status(report.status === 'down' ? 503 : 200);
    return report;
  }
}
