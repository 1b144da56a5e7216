import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { resumePoint, streamEvents } from '../../common/http/event-stream.js';
import { gateParam } from '../../common/http/gate-param.js';
import { type BoardWarningMessage, warningMessage } from './board-events.js';
import { BoardEventsHub } from './board-events-hub.service.js';
import { BoardWarningRepository } from './board-warning.repository.js';

@ApiTags('gates')
@Controller('api/v1/gates')
export class BoardEventsController {
  constructor(
    private readonly warnings: BoardWarningRepository,
    private readonly hub: BoardEventsHub,
  ) {}

  @Get(':gate/board/events')
  @ApiOperation({
    summary: "A gate's warning level changes, live (Server-Sent Events; public)",
    description:
      'Each event: `id` (resume point), `event: warning`, `data: {gate, level, previous, setBy, at, forecast: ' +
      '{level, peakHour, peakInYard, serviceRatePerHour}}`, sent when the gate’s level (the higher of today’s ' +
      'demand and the 12-hour forecast of the gate yard) changes. Without `Last-Event-ID` the first event is the ' +
      'last change recorded; with it, every change after that id is replayed in order before live ones. Any API ' +
      'process serves any viewer. See docs/board.md.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The last `id` received, to resume after a reconnect',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream' })
  @ApiErrorResponses(400)
  async events(
    @Param('gate') rawGate: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // A bad gate answers in the normal error shape, before the stream opens.
    const gate = gateParam(rawGate);
    const resumeFrom = resumePoint(lastEventId);
    await streamEvents<BoardWarningMessage>({
      request,
      reply,
      resumeFrom,
      subscribe: (onMessage, onEnd) => this.hub.subscribe(gate, onMessage, onEnd),
      history: async () =>
        resumeFrom === null
          ? [await this.warnings.last(gate)].flatMap((row) => (row ? [warningMessage(row)] : []))
          : (await this.warnings.since(gate, resumeFrom)).map(warningMessage),
      toEvent: (m) => ({
        id: m.id,
        event: 'warning',
        data: { gate: m.gate, level: m.level, previous: m.previous, setBy: m.setBy, at: m.at, forecast: m.forecast },
      }),
    });
  }
}
