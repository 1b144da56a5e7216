import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { asPlateField } from '../../common/validation/plate-field.js';
import { type BoardConfig, boardConfig } from '../../config/config-groups.js';
import {
  type OpenStepRow,
  type PublicStatusRow,
  PublicStatusRepository,
} from '../declarations/public-status.repository.js';
import { isValidIso6346, normaliseContainerNumber } from '../../common/identifiers/identifiers.js';
import type { CurrentStepResponseDto, VehicleStatusResponseDto } from './dto/vehicle-status.response.dto.js';
import { estimateWait } from './wait-estimate.js';
import type { VehicleStatusMessage } from '../events/event-sink.js';
import { callOf, returnWordOf } from '../events/event-types.js';
import { ReturnsRepository } from '../returns/returns.repository.js';
import { msg } from '../../common/i18n/message.js';
import { RegulationYardsService } from '../regulation-yards/regulation-yards.service.js';
import { RegulationYardsRepository, type WaitRow } from '../regulation-yards/regulation-yards.repository.js';

@Injectable()
export class VehicleStatusService {
  constructor(
    private readonly declarations: PublicStatusRepository,
    private readonly returns: ReturnsRepository,
    private readonly yards: RegulationYardsService,
    private readonly yardWaits: RegulationYardsRepository,
    @Inject(boardConfig.KEY) private readonly boardConfig: BoardConfig,
  ) {}

  /** By the vehicle's plate, its trailer's plate or the number of a container it carries. */
  async statusOf(rawPlate: string): Promise<VehicleStatusResponseDto> {
    const row = await this.findRow(rawPlate);
    if (!row) throw new DomainError('VEHICLE.NOT_FOUND', msg('vehicle.notFound'));
    return {
      plate: row.plate,
      plateDisplay: PlateNumber.displayOf(row.plate),
      status: row.status,
      gate: row.gate,
      direction: row.direction,
      expectedArrivalAt: row.expected_arrival_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      timeline: row.timeline.map((e) => ({ status: e.status, at: e.at })),
      currentSteps: row.status === 'in_yard' ? (await this.declarations.openSteps(row.id)).map(toCurrentStep) : [],
      expectedAhead:
        row.status === 'accepted'
          ? await this.declarations.expectedAhead(row.id, this.boardConfig.lookupAheadCap)
          : null,
      regulationYard: row.status === 'waiting_at_yard' ? toPublicWait(await this.yards.waitOf(row.id)) : null,
    };
  }

  private async findRow(raw: string): Promise<PublicStatusRow | null> {
    const container = normaliseContainerNumber(raw);
    if (isValidIso6346(container)) return this.declarations.statusByContainer(container);
    const plate = await this.resolve(raw);
    return (
      (await this.declarations.statusByPlate(plate)) ??
      (PlateNumber.tryParse(plate)?.kind === 'trailer' ? await this.declarations.statusByTrailer(plate) : null)
    );
  }

  /**
   * Status changes, return and call-forward events of the vehicle after audit sequence `seq`, oldest first (for a reconnecting
   * live viewer).
   */
  async statusEventsSince(plate: string, seq: number): Promise<VehicleStatusMessage[]> {
    const [moves, returns, calls] = await Promise.all([
      this.declarations.statusEventsSince(plate, seq),
      this.returns.eventsSince(plate, seq),
      this.yardWaits.callEventsSince(plate, seq),
    ]);
    const callEvents = calls.flatMap(({ action, note, ...event }) => {
      const call = callOf(action, note);
      return call ? [{ ...event, call }] : [];
    });
    const returnEvents = returns.flatMap(({ action, ...event }) => {
      const returnState = returnWordOf(action);
      return returnState ? [{ ...event, returnState }] : [];
    });
    return [...moves, ...returnEvents, ...callEvents].sort((a, b) => a.seq - b.seq);
  }

  /** The vehicle's current status as one event (the latest move of the declaration the lookup shows). */
  async currentStatusEvent(plate: string): Promise<VehicleStatusMessage | null> {
    const status = await this.statusOf(plate);
    const last = status.timeline[status.timeline.length - 1];
    const seq = await this.declarations.lastMoveSeq(status.plate, status.status);
    return last && seq ? { seq, plate: status.plate, status: status.status, gate: status.gate, at: last.at } : null;
  }

  /** Canonical plate for any spelling; a Chinese plate typed without its province works when unambiguous. */
  async resolve(raw: string): Promise<string> {
    const parsed = asPlateField('plate', () => PlateNumber.parseForLookup(raw));
    if ('plate' in parsed) return parsed.plate.value;
    const matches = await this.declarations.platesByShortPlate(parsed.partialCn);
    if (matches.length === 0) throw new DomainError('VEHICLE.NOT_FOUND', msg('vehicle.notFound'));
    if (matches.length > 1) {
      throw new DomainError('VEHICLE.AMBIGUOUS_PLATE', msg('vehicle.ambiguousPlate'));
    }
    return matches[0];
  }
}

function toCurrentStep(s: OpenStepRow): CurrentStepResponseDto {
  const estimate = estimateWait(s.queue_position, s.decided_last_hour);
  return { agency: s.agency, status: s.status, queuePosition: s.queue_position, ...estimate };
}

function toPublicWait(w: WaitRow | null): VehicleStatusResponseDto['regulationYard'] {
  if (!w || (w.state !== 'waiting' && w.state !== 'called')) return null;
  return {
    yard: w.yard_code,
    yardName: w.yard_name,
    state: w.state,
    placeInLine: w.place_in_line,
    calledAt: w.called_at?.toISOString() ?? null,
    callDeadline: w.call_deadline?.toISOString() ?? null,
  };
}
