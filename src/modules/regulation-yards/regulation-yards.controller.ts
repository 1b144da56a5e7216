import { Body, Controller, Get, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { gateParam } from '../../common/http/gate-param.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { Idempotent } from '../declarations/idempotent.decorator.js';
import {
  CallRuleRequestDto,
  CallRuleResponseDto,
  PriorityCycleRequestDto,
  PriorityCycleResponseDto,
  RegulationYardResponseDto,
  RegulationYardsQueryDto,
  YardCheckInRequestDto,
  YardCheckInResponseDto,
  YardLineResponseDto,
} from './dto/regulation-yards.dto.js';
import { classesOf } from './priority-cycle.js';
import type { CallRuleRow, CycleRow, LineRow, YardRow } from './regulation-yards.repository.js';
import { RegulationYardsService } from './regulation-yards.service.js';

function slotOf(start: Date | null): { start: string; end: string } | null {
  return start ? { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() } : null;
}

function toYardResponse(y: YardRow): RegulationYardResponseDto {
  return {
    code: y.code,
    gate: y.gate_code,
    name: y.name,
    nameEn: y.name_en,
    capacity: y.capacity,
    latitude: Number(y.latitude),
    longitude: Number(y.longitude),
    driveMinutes: y.drive_minutes,
    open: y.open,
    waiting: y.waiting,
    called: y.called,
  };
}

function toLineEntry(r: LineRow) {
  return {
    declarationId: r.declaration_id,
    reference: r.reference,
    plate: r.plate,
    plateDisplay: PlateNumber.displayOf(r.plate),
    direction: r.direction,
    placeInLine: r.place_in_line,
    priorityClasses: classesOf({ perishable: r.perishable, aeo: r.aeo, emptyTrip: r.empty_trip }),
    slot: slotOf(r.slot_start),
    arrivedAt: r.arrived_at.toISOString(),
    missedCalls: r.missed_calls,
  };
}

function toCycleResponse(gate: string, c: CycleRow & { written: string[] }): PriorityCycleResponseDto {
  return { gate, turns: c.turns, cycle: c.written, position: c.position, updatedAt: c.updated_at.toISOString() };
}

function toCallRuleResponse(gate: string, r: CallRuleRow): CallRuleResponseDto {
  return {
    gate,
    reachMarginMinutes: r.reach_margin_minutes,
    missedCallsAllowed: r.missed_calls_allowed,
    lookAheadMinutes: r.look_ahead_minutes,
    updatedAt: r.updated_at.toISOString(),
  };
}

@ApiTags('regulation yards')
@Controller('api/v1')
export class RegulationYardsController {
  constructor(private readonly yards: RegulationYardsService) {}

  @Get('regulation-yards')
  @ApiOperation({
    summary: 'The regulation yards where trucks wait for their call to the gate (public)',
    description: 'Each with its gate, position, drive to the gate, and the trucks waiting and called now.',
  })
  @ApiOkResponse({ type: [RegulationYardResponseDto] })
  @ApiErrorResponses(400)
  async list(@Query() query: RegulationYardsQueryDto): Promise<RegulationYardResponseDto[]> {
    return (await this.yards.list(query.gate ?? null)).map(toYardResponse);
  }

  @Post('regulation-yards/:yard/check-ins')
  @ApiBearerAuth('officer')
  @UseGuards(OfficerAuthGuard)
  @ApiOperation({
    summary: 'A truck arrives at a regulation yard (yard or border guard officer of its gate)',
    description:
      'Its accepted declaration moves to `waiting_at_yard`; the call forward calls it to the gate in the priority ' +
      "cycle's order. 409 `YARD.FULL`, `YARD.CLOSED`, `YARD.WRONG_GATE`, `YARD.ALREADY_WAITING`, and the gate " +
      "check-in's `CHECKIN.*` codes for a declaration that is not accepted.",
  })
  @ApiParam({ name: 'yard', example: 'PHU_XA' })
  @ApiCreatedResponse({ type: YardCheckInResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(201)
  async checkIn(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('yard') yard: string,
    @Body() body: YardCheckInRequestDto,
  ): Promise<YardCheckInResponseDto> {
    const r = await this.yards.checkIn(officer, yard, body.plate);
    return {
      declarationId: r.declaration.id,
      reference: r.declaration.reference,
      plate: r.declaration.plate,
      plateDisplay: PlateNumber.displayOf(r.declaration.plate),
      gate: r.declaration.gate_code,
      direction: r.declaration.direction,
      status: 'waiting_at_yard',
      yard: r.yard,
      placeInLine: r.placeInLine,
      slot: slotOf(r.slotStart),
    };
  }

  @Get('regulation-yards/:yard/line')
  @ApiBearerAuth('officer')
  @UseGuards(OfficerAuthGuard)
  @ApiOperation({
    summary: "A regulation yard's line: the trucks waiting in call order, and those called (officers of its gate)",
  })
  @ApiParam({ name: 'yard', example: 'PHU_XA' })
  @ApiOkResponse({ type: YardLineResponseDto })
  @ApiErrorResponses(401, 403, 404)
  async line(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('yard') yard: string,
  ): Promise<YardLineResponseDto> {
    const { yard: y, rows } = await this.yards.line(officer, yard);
    return {
      yard: y.code,
      gate: y.gate_code,
      waiting: rows.filter((r) => r.state === 'waiting').map(toLineEntry),
      called: rows
        .filter((r) => r.state === 'called')
        .map((r) => ({
          ...toLineEntry(r),
          calledAt: (r.called_at as Date).toISOString(),
          callDeadline: (r.call_deadline as Date).toISOString(),
          callRule: r.call_rule ?? '',
        })),
    };
  }

  @Get('gates/:gate/priority-cycle')
  @ApiBearerAuth('officer')
  @UseGuards(OfficerAuthGuard)
  @ApiOperation({ summary: "The gate's priority cycle and its next turn (supervisors of the gate)" })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: PriorityCycleResponseDto })
  @ApiErrorResponses(400, 401, 403)
  async cycle(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
  ): Promise<PriorityCycleResponseDto> {
    const g = gateParam(gate);
    return toCycleResponse(g, await this.yards.cycle(officer, g));
  }

  @Put('gates/:gate/priority-cycle')
  @ApiBearerAuth('officer')
  @UseGuards(OfficerAuthGuard)
  @ApiOperation({
    summary: "Sets the gate's priority cycle (supervisors of the gate); the next call is its first turn",
    description:
      'Classes `perishable`, `aeo`, `empty_return`, `general`, each at most once, `general` always among them.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: PriorityCycleResponseDto })
  @ApiErrorResponses(400, 401, 403)
  async setCycle(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: PriorityCycleRequestDto,
  ): Promise<PriorityCycleResponseDto> {
    const g = gateParam(gate);
    return toCycleResponse(g, await this.yards.setCycle(officer, g, body.turns));
  }

  @Get('gates/:gate/call-rule')
  @ApiBearerAuth('officer')
  @UseGuards(OfficerAuthGuard)
  @ApiOperation({
    summary: 'How the gate calls trucks forward: deadline margin, misses allowed, look-ahead (supervisors)',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: CallRuleResponseDto })
  @ApiErrorResponses(400, 401, 403)
  async callRule(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
  ): Promise<CallRuleResponseDto> {
    const g = gateParam(gate);
    return toCallRuleResponse(g, await this.yards.callRule(officer, g));
  }

  @Put('gates/:gate/call-rule')
  @ApiBearerAuth('officer')
  @UseGuards(OfficerAuthGuard)
  @ApiOperation({ summary: 'Sets how the gate calls trucks forward (supervisors of the gate)' })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: CallRuleResponseDto })
  @ApiErrorResponses(400, 401, 403)
  async setCallRule(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: CallRuleRequestDto,
  ): Promise<CallRuleResponseDto> {
    const g = gateParam(gate);
    return toCallRuleResponse(g, await this.yards.setCallRule(officer, g, body));
  }
}
