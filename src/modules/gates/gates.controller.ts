import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { gateParam } from '../../common/http/gate-param.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { Idempotent } from '../declarations/idempotent.decorator.js';
import { GateBoardResponseDto } from './dto/gate-board.response.dto.js';
import { CloseGateRequestDto, GateResponseDto, GateStateResponseDto, YardCapacityRequestDto } from './dto/gate.dto.js';
import { GateBoardService } from './gate-board.service.js';
import { GateStateService } from './gate-state.service.js';

@ApiTags('gates')
@Controller('api/v1/gates')
export class GatesController {
  constructor(
    private readonly gates: GateStateService,
    private readonly boards: GateBoardService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The gates: names, counterpart, yards, capacity, open or closed (public)' })
  @ApiOkResponse({ type: [GateResponseDto] })
  async list(): Promise<GateResponseDto[]> {
    // Which officer closed a gate is for officers, not the public.
    return (await this.gates.list()).map(({ closedBy: _closedBy, ...gate }) => gate);
  }

  @Get(':gate/board')
  @ApiOperation({
    summary: "A gate's live board (public, no authentication)",
    description:
      'Expected today, in the yard, waiting per agency queue, cleared and exited today, median arrival-to-exit ' +
      'time, throughput, capacity left and a warning level; per direction too. Counts and times only: no plates, ' +
      'no names. Days are the gate’s local days. See docs/board.md.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: GateBoardResponseDto })
  @ApiErrorResponses(400)
  async board(@Param('gate') gate: string): Promise<GateBoardResponseDto> {
    const board = await this.boards.board(gateParam(gate));
    if (!board) throw new Error(`gate ${gate} is missing from reference data`);
    return board;
  }

  @Post(':gate/close')
  @HttpCode(200)
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({
    summary: 'Close the gate (supervisors of the gate)',
    description:
      'Check-ins at a closed gate get 409 GATE.CLOSED; vehicles already in the yard are still cleared and let out.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: GateStateResponseDto })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  @Idempotent(200)
  close(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: CloseGateRequestDto,
  ): Promise<GateStateResponseDto> {
    return this.gates.close(officer, gateParam(gate), body.reason);
  }

  @Post(':gate/open')
  @HttpCode(200)
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: 'Reopen a closed gate (supervisors of the gate)' })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: GateStateResponseDto })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  @Idempotent(200)
  open(@CurrentOfficer() officer: AuthenticatedOfficer, @Param('gate') gate: string): Promise<GateStateResponseDto> {
    return this.gates.open(officer, gateParam(gate));
  }

  @Put(':gate/yard-capacity')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({
    summary: "Set how many vehicles the gate's own yard holds at once (supervisors of the gate)",
    description:
      'The call forward calls trucks from the regulation yards while vehicles in the gate yard and trucks on their ' +
      'way stay below it; a truck arriving straight is sent to a regulation yard when it is reached.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: GateStateResponseDto })
  @ApiErrorResponses(400, 401, 403)
  setYardCapacity(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: YardCapacityRequestDto,
  ): Promise<GateStateResponseDto> {
    return this.gates.setYardCapacity(officer, gateParam(gate), body.capacity);
  }
}
