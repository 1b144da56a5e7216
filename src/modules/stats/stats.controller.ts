import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { DailyStatsService } from './daily-stats.service.js';
import { DailyStatsQueryDto } from './dto/daily-stats.query.dto.js';
import { DailyStatsResponseDto } from './dto/daily-stats.response.dto.js';

@ApiTags('statistics')
@ApiBearerAuth('officer')
@UseGuards(OfficerAuthGuard)
@Controller('api/v1/stats')
export class StatsController {
  constructor(private readonly stats: DailyStatsService) {}

  @Get('daily')
  @ApiOperation({
    summary: 'Daily statistics of a gate (supervisors of the gate)',
    description:
      'Per local day and direction: declared, accepted, rejected (by reason), cancelled, expired, arrived, cleared, ' +
      'refused, exited, p50/p90 minutes per clearance step agency, and the fees collected (count, total VND, by class). ' +
      'Served from the daily rollup (refreshed every ' +
      '5 minutes for yesterday and today); days it has not computed are listed in missingDays.',
  })
  @ApiOkResponse({ type: DailyStatsResponseDto })
  @ApiErrorResponses(400, 401, 403)
  daily(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Query() query: DailyStatsQueryDto,
  ): Promise<DailyStatsResponseDto> {
    return this.stats.daily(officer, query.gate as GateCode, query.from, query.to);
  }
}
