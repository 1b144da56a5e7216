import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DomainError } from '../../common/errors/domain-error.js';
import { LOGGER } from '../../common/logging/logger.tokens.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import type { Yard } from './gate.entity.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import type { GateStateResponseDto } from './dto/gate.dto.js';

interface GateRow {
  code: string;
  name: string;
  name_en: string;
  district: string;
  counterpart_name: string;
  yards: Yard[];
  capacity_export_per_day: number;
  capacity_import_per_day: number;
  timezone: string;
  open: boolean;
  closed_reason: string | null;
  closed_at: Date | null;
  closed_by: string | null;
}

const COLUMN_NAMES = [
  'code',
  'name',
  'name_en',
  'district',
  'counterpart_name',
  'yards',
  'capacity_export_per_day',
  'capacity_import_per_day',
  'timezone',
  'open',
  'closed_reason',
  'closed_at',
  'closed_by',
];
const columns = (alias: string): string => COLUMN_NAMES.map((c) => `${alias}.${c}`).join(', ');

function toGate(row: GateRow): GateStateResponseDto {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    district: row.district,
    counterpartName: row.counterpart_name,
    yards: row.yards.map((y) => ({ code: y.code, name: y.name })),
    capacityPerDay: { export: row.capacity_export_per_day, import: row.capacity_import_per_day },
    timezone: row.timezone,
    open: row.open,
    closedReason: row.closed_reason,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    closedBy: row.closed_by,
  };
}

/** The gates' reference data and whether each is open; supervisors close and reopen their gate. */
@Injectable()
export class GateStateService {
  constructor(
    private readonly sql: Sql,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Every gate, with who closed it (callers that answer the public drop `closedBy`). */
  async list(): Promise<GateStateResponseDto[]> {
    return (await this.sql.rows<GateRow>(`SELECT ${columns('g')} FROM gate g ORDER BY g.code`)).map(toGate);
  }

  /** Whether the gate is open, and why not; null for an unknown gate. One primary-key read. */
  openState(gate: string): Promise<{ open: boolean; closed_reason: string | null; closed_at: Date | null } | null> {
    return this.sql.one('SELECT open, closed_reason, closed_at FROM gate WHERE code = $1', [gate]);
  }

  /** Supervisors of the gate only. 409 `GATE.ALREADY_CLOSED` when it is closed already (the first reason stays). */
  async close(officer: AuthenticatedOfficer, gate: GateCode, reason: string): Promise<GateStateResponseDto> {
    assertOfficerMay(officer, gate, [], 'close or open the gate');
    // Conditional on the current state, so two supervisors closing at once get one success and one 409.
    const row = await this.sql.one<GateRow>(
      `UPDATE gate g SET open = false, closed_reason = $2, closed_at = date_trunc('milliseconds', now()), closed_by = $3
        WHERE g.code = $1 AND g.open RETURNING ${columns('g')}`,
      [gate, reason.trim(), officer.id],
    );
    if (!row) {
      const current = await this.openState(gate);
      throw new DomainError('GATE.ALREADY_CLOSED', `${gate} is already closed`, {
        gate,
        closedReason: current?.closed_reason ?? null,
        closedAt: current?.closed_at ? current.closed_at.toISOString() : null,
      });
    }
    this.logger.info({ gate, officerId: officer.id, reason: row.closed_reason }, 'gate closed');
    return toGate(row);
  }

  /** Supervisors of the gate only. 409 `GATE.ALREADY_OPEN` when it is open. Clears the closure columns. */
  async open(officer: AuthenticatedOfficer, gate: GateCode): Promise<GateStateResponseDto> {
    assertOfficerMay(officer, gate, [], 'close or open the gate');
    // `was` is the row as it stood before this update: the closure being ended goes to the log.
    const row = await this.sql.one<GateRow & { was_closed_at: Date | null; was_closed_by: string | null }>(
      `UPDATE gate g SET open = true, closed_reason = NULL, closed_at = NULL, closed_by = NULL
         FROM gate was WHERE g.code = $1 AND was.code = g.code AND NOT g.open
       RETURNING ${columns('g')}, was.closed_at AS was_closed_at, was.closed_by AS was_closed_by`,
      [gate],
    );
    if (!row) throw new DomainError('GATE.ALREADY_OPEN', `${gate} is already open`, { gate });
    // The gate row holds only the current closure; the log keeps who closed and who reopened it, and when.
    this.logger.info(
      { gate, officerId: officer.id, closedAt: row.was_closed_at?.toISOString() ?? null, closedBy: row.was_closed_by },
      'gate reopened',
    );
    return toGate(row);
  }
}
