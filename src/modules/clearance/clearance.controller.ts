import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { gateParam } from '../../common/http/gate-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { STEP_AGENCIES, type StepAgency } from '../officers/agency.js';
import { Idempotent } from '../declarations/idempotent.decorator.js';
import { RefusedAtClosedGate } from '../gates/refused-at-closed-gate.decorator.js';
import { AgencyQueueService } from './agency-queue.service.js';
import { CheckInService } from './check-in.service.js';
import {
  CheckInRequestDto,
  CheckInResponseDto,
  ClaimedStepResponseDto,
  DecisionRequestDto,
  DecisionResponseDto,
  ExitRequestDto,
  ExitResponseDto,
  QueueResponseDto,
} from './dto/clearance.dto.js';
import { ExitService } from './exit.service.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { ReturnsService } from '../returns/returns.service.js';
import {
  AwayVehiclesResponseDto,
  ReturnCheckInRequestDto,
  ReturnCheckInResponseDto,
  ReturnListQueryDto,
} from './dto/returns.dto.js';
import { toClaimedStepResponse, toDecisionResponse, toQueueEntryResponse, toStepResponse } from './step.mapper.js';
import { StepDecisionService } from './step-decision.service.js';
import { msg } from '../../common/i18n/message.js';

function agencyParam(raw: string): StepAgency {
  if (!(STEP_AGENCIES as readonly string[]).includes(raw)) {
    throw DomainError.invalidField('agency', msg('field.oneOf', { allowed: STEP_AGENCIES }));
  }
  return raw as StepAgency;
}

@ApiTags('gate officers')
@ApiBearerAuth('officer')
@UseGuards(OfficerAuthGuard)
@Controller('api/v1')
export class ClearanceController {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly queues: AgencyQueueService,
    private readonly decisions: StepDecisionService,
    private readonly exits: ExitService,
    private readonly returns: ReturnsService,
  ) {}

  @Post('gates/:gate/check-ins')
  @RefusedAtClosedGate()
  @ApiOperation({
    summary: 'A vehicle arrives at the gate (yard or border guard)',
    description: 'By plate (any spelling) or by the QR token of its accepted declaration. Creates its clearance steps.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiCreatedResponse({ type: CheckInResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(201)
  async checkIn(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: CheckInRequestDto,
  ): Promise<CheckInResponseDto> {
    if (!body.plate === !body.qrToken) throw DomainError.invalidField('plate', msg('field.plateOrQr'));
    const { declaration, steps } = await this.checkIns.checkIn(officer, gateParam(gate), body);
    return {
      declarationId: declaration.id,
      reference: declaration.reference,
      plate: declaration.plate,
      status: declaration.status,
      steps: steps.map(toStepResponse),
    };
  }

  @Get('gates/:gate/queues/:agency')
  @ApiOperation({
    summary: "An agency's queue at a gate: waiting steps in order, with position and time waiting",
    description: "Each row names its vehicle (reference, plate); the yard's rows carry the fee to collect (feeQuote).",
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiParam({ name: 'agency', enum: STEP_AGENCIES })
  @ApiOkResponse({ type: QueueResponseDto })
  @ApiErrorResponses(400, 401, 403)
  async queue(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Param('agency') agency: string,
  ): Promise<QueueResponseDto> {
    const g = gateParam(gate);
    const a = agencyParam(agency);
    const rows = await this.queues.list(officer, g, a);
    const now = Date.now();
    return {
      gate: g,
      agency: a,
      waiting: rows.filter((r) => r.status === 'waiting').length,
      items: rows.map((r) => toQueueEntryResponse(r, now)),
    };
  }

  @Post('gates/:gate/queues/:agency/claim')
  @ApiOperation({
    summary: 'Take the next step of the queue (204 when empty)',
    description:
      'Perishable goods first, then first come. A claim not decided in time returns to the queue at its old place. ' +
      'The answer names the vehicle (reference, plate) and, on the fee step, the fee to collect (feeQuote).',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiParam({ name: 'agency', enum: STEP_AGENCIES })
  @ApiOkResponse({ type: ClaimedStepResponseDto })
  @ApiNoContentResponse({ description: 'Nothing waiting' })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  @Idempotent(200, 204)
  async claim(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Param('agency') agency: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimedStepResponseDto | undefined> {
    const step = await this.queues.claim(officer, gateParam(gate), agencyParam(agency));
    if (!step) {
      void reply.status(204);
      return undefined;
    }
    void reply.status(200);
    return toClaimedStepResponse(step);
  }

  @Post('steps/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide a step: pass, hold (physical inspection) or refuse',
    description:
      'By the officer who claimed it, or a supervisor of the gate. Passing the fee step needs paymentReference.',
  })
  @ApiOkResponse({ type: DecisionResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(200)
  async decide(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('id') id: string,
    @Body() body: DecisionRequestDto,
  ): Promise<DecisionResponseDto> {
    return toDecisionResponse(await this.decisions.decide(officer, id, body));
  }

  @Post('gates/:gate/exits')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A cleared or refused vehicle leaves through the gate (border guard or yard)',
    description: 'A vehicle with steps outstanding gets 409 with the list of them.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: ExitResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(200)
  async exit(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: ExitRequestDto,
  ): Promise<ExitResponseDto> {
    const { declaration, destination, returnDueAt } = await this.exits.exit(officer, gateParam(gate), body.plate);
    return {
      declarationId: declaration.id,
      reference: declaration.reference,
      status: 'exited',
      destination,
      returnDueAt: returnDueAt?.toISOString() ?? null,
    };
  }

  @Post('gates/:gate/returns')
  @RefusedAtClosedGate()
  @ApiOperation({
    summary: 'A vehicle that crossed for a delivery comes back (yard or border guard)',
    description:
      'By plate (any spelling). Closes its return deadline; 404 for a plate never declared, 409 when it is not away.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiCreatedResponse({ type: ReturnCheckInResponseDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(201)
  async checkInReturn(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: ReturnCheckInRequestDto,
  ): Promise<ReturnCheckInResponseDto> {
    const g = gateParam(gate);
    const r = await this.returns.checkIn(officer, g, body.plate);
    return {
      declarationId: r.declarationId,
      reference: r.reference,
      plate: r.plate,
      plateDisplay: PlateNumber.displayOf(r.plate),
      gate: g,
      exitedAt: r.exitedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      returnedAt: r.returnedAt.toISOString(),
      late: r.late,
    };
  }

  @Get('gates/:gate/returns')
  @ApiOperation({
    summary: 'Vehicles away on a delivery that left by this gate: overdue, or still within their time',
    description: 'For the yard, border guard and supervisors of the gate. Soonest deadline first.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: AwayVehiclesResponseDto })
  @ApiErrorResponses(400, 401, 403)
  async awayVehicles(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Query() query: ReturnListQueryDto,
  ): Promise<AwayVehiclesResponseDto> {
    const g = gateParam(gate);
    const state = query.state ?? 'overdue';
    const rows = await this.returns.list(officer, g, state);
    return {
      gate: g,
      state,
      items: rows.map((r) => ({
        declarationId: r.declaration_id,
        reference: r.reference,
        plate: r.plate,
        plateDisplay: PlateNumber.displayOf(r.plate),
        twoWayTransport: r.two_way_transport,
        exitedAt: r.exited_at.toISOString(),
        dueAt: r.due_at.toISOString(),
        overdueSeconds: r.overdue_seconds,
      })),
    };
  }
}
