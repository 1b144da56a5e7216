import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { gateParam } from '../../common/http/gate-param.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { FeesCsvQueryDto } from './dto/fees-csv.query.dto.js';
import { FEES_CSV_HEADER, FeeExportService } from './fee-export.service.js';

@ApiTags('statistics')
@ApiBearerAuth('officer')
@UseGuards(OfficerAuthGuard)
@Controller('api/v1/gates')
export class FeesExportController {
  constructor(private readonly exports: FeeExportService) {}

  @Get(':gate/fees.csv')
  @ApiOperation({
    summary: 'The fees collected at a gate, as CSV for the finance office (supervisors and yard officers of the gate)',
    description:
      `One row per fee collected (a passed fee step) on the gate's local days from..to, in the order collected, ` +
      `after a header row: ${FEES_CSV_HEADER.join(', ')}. paid_at is the gate's time with its offset; ` +
      'e_receipt_number is the paymentReference given when the step passed. Cells a spreadsheet would read as a ' +
      "formula begin with an apostrophe. Served from the steps themselves, so today's fees are listed as collected.",
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8', schema: { type: 'string' } })
  @ApiErrorResponses(400, 401, 403)
  async csv(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Query() query: FeesCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const code = gateParam(gate);
    const body = await this.exports.csv(officer, code, query.from, query.to);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="fees-${code}-${query.from}-${query.to}.csv"`)
      .header('cache-control', 'no-store');
    return body;
  }
}
