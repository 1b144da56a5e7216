import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import type { VehicleStatusMessage } from '../events/event-sink.js';
import { VehicleEventsHub } from '../events/vehicle-events-hub.service.js';
import { VehicleStatusService } from './vehicle-status.service.js';

const HEARTBEAT_MS = 15_000;

@ApiTags('public')
@Controller('api/v1/vehicles')
export class VehicleEventsController {
  constructor(
    private readonly vehicles: VehicleStatusService,
    private readonly hub: VehicleEventsHub,
  ) {}

  @Get(':plate/events')
  @ApiOperation({
    summary: "A truck's status changes, live (Server-Sent Events; public, status only)",
    description:
      'Each event: `id` (resume point), `event: status`, `data: {plate, status, gate, at}`; a vehicle away on a ' +
      'delivery also gets `event: return`, `data: {plate, status, gate, at, return}` (`due_soon`, `overdue`, ' +
      '`returned`); a truck at a regulation yard gets `event: call`, `data: {plate, status, gate, at, call: {state, ' +
      'deadline, yard}}` (`called`, `missed`). Without ' +
      '`Last-Event-ID` the first event is the current status; with it, every change after that id is ' +
      'replayed in order before live ones. Any API process serves any viewer.',
  })
  @ApiParam({ name: 'plate', example: '12C-123.45' })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The last `id` received, to resume after a reconnect',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream' })
  @ApiErrorResponses(400, 404, 409)
  async events(
    @Param('plate') rawPlate: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Errors (bad plate, unknown vehicle) still answer in the normal error shape, before the stream opens.
    const plate = await this.vehicles.resolve(rawPlate);
    const resumeFrom = lastEventId && /^\d{1,18}$/.test(lastEventId) ? Number(lastEventId) : null;
    const first = resumeFrom === null ? await this.vehicles.currentStatusEvent(plate) : null;
    if (resumeFrom === null && !first) await this.vehicles.statusOf(plate); // throws the 404

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
    const buffered: VehicleStatusMessage[] = [];
    const send = (m: VehicleStatusMessage): void => {
      if (m.seq <= lastSent) return; // already sent (replay and live overlap)
      const data = { plate: m.plate, status: m.status, gate: m.gate, at: m.at };
      // A return reminder is its own event, so a viewer that listens for `status` sees status moves only.
      // So is a call forward from a regulation yard (`event: call`).
      raw.write(
        m.returnState
          ? `id: ${m.seq}\nevent: return\ndata: ${JSON.stringify({ ...data, return: m.returnState })}\n\n`
          : m.call
            ? `id: ${m.seq}\nevent: call\ndata: ${JSON.stringify({ ...data, call: m.call })}\n\n`
            : `id: ${m.seq}\nevent: status\ndata: ${JSON.stringify(data)}\n\n`,
      );
      lastSent = m.seq;
    };
    // Subscribe before reading history, so nothing committed in between is missed.
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const unsubscribe = this.hub.subscribe(
      plate,
      (m) => (replaying ? buffered.push(m) : send(m)),
      () => raw.end(),
    );
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
    try {
      const history =
        resumeFrom === null ? (first ? [first] : []) : await this.vehicles.statusEventsSince(plate, resumeFrom);
      for (const m of history) send(m);
    } finally {
      replaying = false;
      for (const m of buffered.sort((a, b) => a.seq - b.seq)) send(m);
    }
  }
}
