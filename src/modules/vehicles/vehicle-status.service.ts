import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { asPlateField } from '../../common/validation/plate-field.js';
import { Sql } from '../../database/sql.js';
import { type BoardConfig, boardConfig } from '../../config/config-groups.js';
import { ACTIVE_STATUSES_SQL, type TimelineEntry } from '../declarations/declaration-status.js';
import type { CurrentStepResponseDto, VehicleStatusResponseDto } from './dto/vehicle-status.response.dto.js';
import { estimateWait } from './wait-estimate.js';
import type { VehicleStatusMessage } from '../events/event-sink.js';

interface StatusRow {
  id: string;
  plate: string;
  status: VehicleStatusResponseDto['status'];
  gate: VehicleStatusResponseDto['gate'];
  direction: VehicleStatusResponseDto['direction'];
  expected_arrival_at: Date;
  updated_at: Date;
  timeline: TimelineEntry[];
}

// One round trip, one row: the vehicle's live declaration if it has one (partial unique index), else its
// latest; the timeline is a column of that row (kept by transition()), so the audit log is never read here.
// A named statement: each pooled connection plans it once.
const STATUS_BY_PLATE = {
  name: 'vehicle-status-by-plate',
  text: `
(SELECT id, plate, status, gate_code AS gate, direction, expected_arrival_at, updated_at, timeline FROM declaration
  WHERE plate = $1 AND status IN ${ACTIVE_STATUSES_SQL} LIMIT 1)
UNION ALL
(SELECT id, plate, status, gate_code AS gate, direction, expected_arrival_at, updated_at, timeline FROM declaration
  WHERE plate = $1 ORDER BY created_at DESC LIMIT 1)
LIMIT 1`,
};

// For a vehicle in the yard: its open steps; for each waiting one its place in that agency's queue, and
// that queue's service rate (steps decided in the last hour at this gate) for the wait estimate.
const OPEN_STEPS = `
SELECT s.agency, s.status,
       CASE WHEN s.status = 'waiting' AND s.ready_at IS NOT NULL THEN
         (SELECT count(*)::int + 1 FROM clearance_step o JOIN declaration od ON od.id = o.declaration_id AND od.status = 'in_yard'
           WHERE o.gate_code = s.gate_code AND o.agency = s.agency AND o.status = 'waiting' AND o.ready_at IS NOT NULL
             AND (o.priority, o.ready_at, o.id) < (s.priority, s.ready_at, s.id))
       END AS queue_position,
       (SELECT count(*)::int FROM clearance_step r
         WHERE r.gate_code = s.gate_code AND r.agency = s.agency AND r.decided_at > now() - interval '1 hour') AS decided_last_hour
  FROM clearance_step s
 WHERE s.declaration_id = $1 AND s.status <> 'passed' AND (s.ready_at IS NOT NULL OR s.status <> 'waiting')
 ORDER BY s.stage, s.agency`;

// For an accepted vehicle on its way: how many accepted vehicles are expected at the gate before it, counted
// up to a cap ($2) so that the cost stays bounded however many are accepted (walks the accepted-arrival index).
const EXPECTED_AHEAD = `
SELECT count(*)::int AS ahead FROM (
  SELECT 1 FROM declaration o, declaration d
   WHERE d.id = $1 AND o.status = 'accepted' AND o.gate_code = d.gate_code
     AND (o.expected_arrival_at, o.id) < (d.expected_arrival_at, d.id)
   LIMIT $2) ahead`;

interface OpenStepRow {
  agency: string;
  status: string;
  queue_position: number | null;
  decided_last_hour: number;
}

@Injectable()
export class VehicleStatusService {
  constructor(
    private readonly sql: Sql,
    @Inject(boardConfig.KEY) private readonly boardConfig: BoardConfig,
  ) {}

  async statusOf(rawPlate: string): Promise<VehicleStatusResponseDto> {
    const plate = await this.resolve(rawPlate);
    const row = await this.sql.readOne<StatusRow>(STATUS_BY_PLATE, [plate]);
    if (!row) throw new DomainError('VEHICLE.NOT_FOUND', 'No declaration for this plate');
    return {
      plate: row.plate,
      plateDisplay: PlateNumber.tryParse(row.plate)?.display() ?? row.plate,
      status: row.status,
      gate: row.gate,
      direction: row.direction,
      expectedArrivalAt: row.expected_arrival_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      timeline: row.timeline.map((e) => ({ status: e.status, at: e.at })),
      currentSteps:
        row.status === 'in_yard' ? (await this.sql.readRows<OpenStepRow>(OPEN_STEPS, [row.id])).map(toCurrentStep) : [],
      expectedAhead:
        row.status === 'accepted'
          ? (await this.sql.readOne<{ ahead: number }>(EXPECTED_AHEAD, [row.id, this.boardConfig.lookupAheadCap]))!
              .ahead
          : null,
    };
  }

  /** Status changes of the vehicle after audit sequence `seq`, oldest first (for a reconnecting live viewer). */
  statusEventsSince(plate: string, seq: number): Promise<VehicleStatusMessage[]> {
    return this.sql.rows<VehicleStatusMessage>(
      `SELECT e.seq::int AS seq, d.plate, e.to_status AS status, d.gate_code AS gate,
              to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM declaration d JOIN declaration_event e ON e.declaration_id = d.id AND e.action = 'transition'
              AND e.at >= d.created_at -- lets PostgreSQL skip the audit log's months before the declaration
        WHERE d.plate = $1 AND e.seq > $2
        ORDER BY e.seq LIMIT 1000`,
      [plate, seq],
    );
  }

  /** The vehicle's current status as one event (the latest move of the declaration the lookup shows). */
  async currentStatusEvent(plate: string): Promise<VehicleStatusMessage | null> {
    const status = await this.statusOf(plate);
    const last = status.timeline[status.timeline.length - 1];
    const row = await this.sql.one<{ seq: number }>(
      `SELECT max(e.seq)::int AS seq FROM declaration d
         JOIN declaration_event e ON e.declaration_id = d.id AND e.at >= d.created_at
        WHERE d.plate = $1 AND e.action = 'transition' AND e.to_status = $2`,
      [status.plate, status.status],
    );
    return last && row?.seq
      ? { seq: row.seq, plate: status.plate, status: status.status, gate: status.gate, at: last.at }
      : null;
  }

  /** Canonical plate for any spelling; a Chinese plate typed without its province works when unambiguous. */
  async resolve(raw: string): Promise<string> {
    const parsed = asPlateField('plate', () => PlateNumber.parseForLookup(raw));
    if ('plate' in parsed) return parsed.plate.value;
    const matches = await this.sql.readRows<{ plate: string }>(
      'SELECT DISTINCT plate FROM declaration WHERE plate_short = $1 LIMIT 2',
      [parsed.partialCn],
    );
    if (matches.length === 0) throw new DomainError('VEHICLE.NOT_FOUND', 'No declaration for this plate');
    if (matches.length > 1) {
      throw new DomainError(
        'VEHICLE.AMBIGUOUS_PLATE',
        'Several Chinese provinces have this plate; include the province character',
      );
    }
    return matches[0].plate;
  }
}

function toCurrentStep(s: OpenStepRow): CurrentStepResponseDto {
  const estimate = estimateWait(s.queue_position, s.decided_last_hour);
  return { agency: s.agency, status: s.status, queuePosition: s.queue_position, ...estimate };
}
