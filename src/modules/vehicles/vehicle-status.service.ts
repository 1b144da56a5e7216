import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { PlateNumber, PlateNumberError } from '../../common/identifiers/plate-number.js';
import { Sql } from '../../database/sql.js';
import { ACTIVE_STATUSES_SQL } from '../declarations/declaration-status.js';
import type { VehicleStatusResponseDto } from './dto/vehicle-status.response.dto.js';

interface StatusRow {
  plate: string;
  status: VehicleStatusResponseDto['status'];
  gate: VehicleStatusResponseDto['gate'];
  direction: VehicleStatusResponseDto['direction'];
  expected_arrival_at: Date;
  updated_at: Date;
  timeline: { status: VehicleStatusResponseDto['status']; at: string }[];
}

// One round trip: the vehicle's live declaration if it has one (partial unique index), else its latest,
// with that declaration's timeline.
const STATUS_BY_PLATE = `
WITH d AS (
  (SELECT id, plate, status, gate_code, direction, expected_arrival_at, updated_at FROM declaration
    WHERE plate = $1 AND status IN ${ACTIVE_STATUSES_SQL} LIMIT 1)
  UNION ALL
  (SELECT id, plate, status, gate_code, direction, expected_arrival_at, updated_at FROM declaration
    WHERE plate = $1 ORDER BY created_at DESC LIMIT 1)
  LIMIT 1
)
SELECT d.plate, d.status, d.gate_code AS gate, d.direction, d.expected_arrival_at, d.updated_at,
       (SELECT json_agg(json_build_object('status', e.to_status, 'at', e.at) ORDER BY e.id)
          FROM declaration_event e WHERE e.declaration_id = d.id) AS timeline
  FROM d`;

@Injectable()
export class VehicleStatusService {
  constructor(private readonly sql: Sql) {}

  async statusOf(rawPlate: string): Promise<VehicleStatusResponseDto> {
    const plate = await this.resolve(rawPlate);
    const row = await this.sql.one<StatusRow>(STATUS_BY_PLATE, [plate]);
    if (!row) throw new DomainError('VEHICLE.NOT_FOUND', 'No declaration for this plate');
    return {
      plate: row.plate,
      plateDisplay: PlateNumber.tryParse(row.plate)?.display() ?? row.plate,
      status: row.status,
      gate: row.gate,
      direction: row.direction,
      expectedArrivalAt: row.expected_arrival_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      timeline: (row.timeline ?? []).map((e) => ({ status: e.status, at: new Date(e.at).toISOString() })),
    };
  }

  /** Canonical plate for any spelling; a Chinese plate typed without its province works when unambiguous. */
  private async resolve(raw: string): Promise<string> {
    let parsed: ReturnType<typeof PlateNumber.parseForLookup>;
    try {
      parsed = PlateNumber.parseForLookup(raw);
    } catch (error) {
      if (error instanceof PlateNumberError)
        throw DomainError.invalidField('plate', `${error.message} (${error.code})`);
      throw error;
    }
    if ('plate' in parsed) return parsed.plate.value;
    const matches = await this.sql.rows<{ plate: string }>(
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
