import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { gateParam } from '../../common/http/gate-param.js';
import { type BoardWarningMessage, warningMessage } from './board-events.js';
import { BoardEventsHub } from './board-events-hub.service.js';
import { BoardWarningRepository } from './board-warning.repository.js';

const HEARTBEAT_MS = 15_000;

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
    const resumeFrom = lastEventId && /^\d{1,18}$/.test(lastEventId) ? Number(lastEventId) : null;

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    raw.write('retry: 3000\n\n');

    let lastSent = resumeFrom ?? 0;
    let replaying = true;
    const buffered: BoardWarningMessage[] = [];
    const send = (m: BoardWarningMessage): void => {
      if (m.id <= lastSent) return; // already sent (replay and live overlap)
      const data = {
        gate: m.gate,
        level: m.level,
        previous: m.previous,
        setBy: m.setBy,
        at: m.at,
        forecast: m.forecast,
      };
      raw.write(`id: ${m.id}\nevent: warning\ndata: ${JSON.stringify(data)}\n\n`);
      lastSent = m.id;
    };
    // Subscribe before reading history, so nothing recorded in between is missed.
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const unsubscribe = this.hub.subscribe(
      gate,
      (m) => (replaying ? buffered.push(m) : send(m)),
      () => raw.end(),
    );
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
    try {
      const history =
        resumeFrom === null
          ? [await this.warnings.last(gate)].flatMap((row) => (row ? [row] : []))
          : await this.warnings.since(gate, resumeFrom);
      for (const row of history) send(warningMessage(row));
    } finally {
      replaying = false;
      for (const m of buffered.sort((a, b) => a.id - b.id)) send(m);
    }
  }
}
