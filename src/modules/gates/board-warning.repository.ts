import { Injectable } from '@nestjs/common';
import type { GateCode } from '../../common/domain/gate-code.js';
import { Sql } from '../../database/sql.js';
import type { WarningLevel } from './warning-level.js';

/** What the forecast said when a level changed (the board answer's `forecast`). */
export interface ForecastSummary {
  level: WarningLevel;
  peakHour: string | null;
  peakInYard: number;
  serviceRatePerHour: number;
}

/** One recorded change of a gate's warning level. */
export interface BoardWarningRow {
  id: string;
  gate_code: GateCode;
  level: WarningLevel;
  previous: WarningLevel | null;
  set_by: 'present' | 'forecast';
  forecast: ForecastSummary;
  at: Date;
}

const COLUMNS = 'id, gate_code, level, previous, set_by, forecast, at';

// Appends the change when the level differs from the gate's last row, in one statement. Two watchers that read the
// same last row insert the same previous_id: the unique constraint keeps the first, the other does nothing.
const RECORD = `
WITH last AS (
  SELECT id, level FROM board_warning WHERE gate_code = $1 ORDER BY id DESC LIMIT 1
)
INSERT INTO board_warning (gate_code, previous_id, level, previous, set_by, forecast, at)
SELECT $1, coalesce((SELECT id FROM last), 0), $2, (SELECT level FROM last), $3, $4::jsonb, $5
 WHERE (SELECT level FROM last) IS DISTINCT FROM $2
    ON CONFLICT (gate_code, previous_id) DO NOTHING
RETURNING ${COLUMNS}`;

const LAST = `SELECT ${COLUMNS} FROM board_warning WHERE gate_code = $1 ORDER BY id DESC LIMIT 1`;

const SINCE = `SELECT ${COLUMNS} FROM board_warning WHERE gate_code = $1 AND id > $2 ORDER BY id LIMIT $3`;

/** The most changes a reconnecting viewer is replayed. */
export const REPLAY_LIMIT = 100;

/** The history of the gates' warning levels (BoardWatch writes it, the live stream replays it). */
@Injectable()
export class BoardWarningRepository {
  constructor(private readonly sql: Sql) {}

  /** The recorded change, or null when the level is the gate's last one (or another watcher recorded it). */
  record(
    gate: GateCode,
    level: WarningLevel,
    setBy: 'present' | 'forecast',
    forecast: ForecastSummary,
    at: Date,
  ): Promise<BoardWarningRow | null> {
    return this.sql.one<BoardWarningRow>(RECORD, [gate, level, setBy, JSON.stringify(forecast), at]);
  }

  last(gate: GateCode): Promise<BoardWarningRow | null> {
    return this.sql.one<BoardWarningRow>(LAST, [gate]);
  }

  /** The gate's changes after `id`, oldest first, at most REPLAY_LIMIT. */
  since(gate: GateCode, id: number): Promise<BoardWarningRow[]> {
    return this.sql.rows<BoardWarningRow>(SINCE, [gate, id, REPLAY_LIMIT]);
  }
}
