import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { resumePoint, type StreamEvent, streamEvents } from '../../common/http/event-stream.js';
import type { VehicleStatusMessage } from '../events/event-sink.js';
import { VehicleEventsHub } from '../events/vehicle-events-hub.service.js';
import { VehicleStatusService } from './vehicle-status.service.js';

/**
 * A status move is `event: status`; a return reminder (`event: return`) and a call from a regulation yard
 * (`event: call`) are events of their own, so a viewer listening for `status` sees status moves only.
 */
function vehicleEvent(m: VehicleStatusMessage): StreamEvent {
  const data = { plate: m.plate, status: m.status, gate: m.gate, at: m.at };
  if (m.returnState) return { id: m.seq, event: 'return', data: { ...data, return: m.returnState } };
  if (m.call) return { id: m.seq, event: 'call', data: { ...data, call: m.call } };
  return { id: m.seq, event: 'status', data };
}

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
    const resumeFrom = resumePoint(lastEventId);
    const first = resumeFrom === null ? await this.vehicles.currentStatusEvent(plate) : null;
    if (resumeFrom === null && !first) await this.vehicles.statusOf(plate); // throws the 404

    await streamEvents<VehicleStatusMessage>({
      request,
      reply,
      resumeFrom,
      subscribe: (onMessage, onEnd) => this.hub.subscribe(plate, onMessage, onEnd),
      history: async () =>
        resumeFrom === null ? (first ? [first] : []) : this.vehicles.statusEventsSince(plate, resumeFrom),
      toEvent: vehicleEvent,
    });
  }
}
