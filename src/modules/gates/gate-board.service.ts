import { Inject, Injectable } from '@nestjs/common';
import { type BoardConfig, boardConfig } from '../../config/config-groups.js';
import { SingleFlightCache } from '../../common/single-flight-cache.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import {
  type BoardDirectionRow,
  GateFiguresRepository,
  type HourlyMovesRow,
} from '../declarations/gate-figures.repository.js';
import { STEP_AGENCIES, type StepAgency } from '../officers/agency.js';
import { ReturnsRepository } from '../returns/returns.repository.js';
import type { BoardFiguresDto, GateBoardResponseDto, HourlyMovesDto } from './dto/gate-board.response.dto.js';
import { demandRatio, parseWarningThresholds, warningLevel, type WarningThresholds } from './warning-level.js';

const oneDecimal = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
const threeDecimals = (n: number | null): number | null => (n === null ? null : Math.round(n * 1000) / 1000);

function waitingByAgency(parts: BoardDirectionRow['waiting'][]): Record<StepAgency, number> {
  return Object.fromEntries(
    STEP_AGENCIES.map((agency) => [agency, parts.reduce((sum, part) => sum + (part[agency] ?? 0), 0)]),
  ) as Record<StepAgency, number>;
}

/** All 24 hours of the day, the hours without any move as zeros, so a chart needs no gap filling. */
export function allHours(rows: HourlyMovesRow[]): HourlyMovesDto[] {
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  return Array.from({ length: 24 }, (_, hour) => ({
    hour,
    arrivals: byHour.get(hour)?.arrivals ?? 0,
    exits: byHour.get(hour)?.exits ?? 0,
  }));
}

/** The public board of one gate: what is coming, what is in the yard, how fast it moves, how full today is. */
@Injectable()
export class GateBoardService {
  private readonly thresholds: WarningThresholds;
  private readonly cache: SingleFlightCache<GateCode, GateBoardResponseDto | null>;

  constructor(
    private readonly declarations: GateFiguresRepository,
    private readonly returns: ReturnsRepository,
    @Inject(boardConfig.KEY) private readonly boardConfig: BoardConfig,
  ) {
    this.thresholds = parseWarningThresholds(boardConfig.warningThresholds);
    this.cache = new SingleFlightCache(boardConfig.cacheMs);
  }

  /** Null for a gate that is not in the reference data. At most BOARD_CACHE_MS old. */
  board(gate: GateCode): Promise<GateBoardResponseDto | null> {
    return this.cache.get(gate, () => this.compute(gate));
  }

  private async compute(gate: GateCode): Promise<GateBoardResponseDto | null> {
    const [row, hourly, returns] = await Promise.all([
      this.declarations.board(gate, this.boardConfig.medianWindowHours),
      this.declarations.hourlyMoves(gate),
      this.returns.counts(gate),
    ]);
    if (!row) return null;
    const byDirection = Object.fromEntries(
      row.directions.map((d) => [d.direction, this.figures(row.open, [d], d.median_minutes)]),
    ) as Record<Direction, BoardFiguresDto>;
    return {
      gate: row.code,
      open: row.open,
      closedReason: row.closed_reason,
      closedAt: row.closed_at ? row.closed_at.toISOString() : null,
      day: row.today,
      timezone: row.timezone,
      medianWindowHours: this.boardConfig.medianWindowHours,
      ...this.figures(row.open, row.directions, row.median_minutes),
      byDirection: { export: byDirection.export, import: byDirection.import },
      hourly: allHours(hourly),
      returns,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private figures(open: boolean, rows: BoardDirectionRow[], medianMinutes: number | null): BoardFiguresDto {
    const sum = (pick: (r: BoardDirectionRow) => number): number => rows.reduce((total, r) => total + pick(r), 0);
    const capacityToday = sum((r) => r.capacity);
    const bookedToday = sum((r) => r.booked);
    const demand = demandRatio(bookedToday, capacityToday);
    return {
      expectedToday: sum((r) => r.expected_today),
      inYard: sum((r) => r.in_yard),
      waitingByAgency: waitingByAgency(rows.map((r) => r.waiting)),
      clearedToday: sum((r) => r.cleared_today),
      exitedToday: sum((r) => r.exited_today),
      medianArrivalToExitMinutes: oneDecimal(medianMinutes),
      throughputLastHour: sum((r) => r.last_hour),
      capacityToday,
      bookedToday,
      capacityLeft: Math.max(0, capacityToday - bookedToday),
      demand: threeDecimals(demand),
      warningLevel: warningLevel(demand, this.thresholds, open),
    };
  }
}
