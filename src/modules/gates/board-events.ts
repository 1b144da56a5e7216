import type { BoardWarningRow, ForecastSummary } from './board-warning.repository.js';
import type { WarningLevel } from './warning-level.js';

/** The Redis pub/sub channel that carries the gates' warning-level changes to every API process. */
export function boardEventsChannel(queuePrefix: string): string {
  return `${queuePrefix}:events:board-warning`;
}

/** A change of a gate's warning level, as it goes over the channel and to a viewer (`event: warning`). */
export interface BoardWarningMessage {
  id: number;
  gate: string;
  level: WarningLevel;
  previous: WarningLevel | null;
  setBy: 'present' | 'forecast';
  at: string;
  forecast: ForecastSummary;
}

export function warningMessage(row: BoardWarningRow): BoardWarningMessage {
  return {
    id: Number(row.id),
    gate: row.gate_code,
    level: row.level,
    previous: row.previous,
    setBy: row.set_by,
    at: row.at.toISOString(),
    forecast: row.forecast,
  };
}
