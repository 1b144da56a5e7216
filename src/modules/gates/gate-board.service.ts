import { Inject, Injectable } from '@nestjs/common';
import { type BoardConfig, boardConfig } from '../../config/config-groups.js';
import { Clock } from '../../common/clock.js';
import { SingleFlightCache } from '../../common/single-flight-cache.js';
import { DIRECTIONS, type Direction, type GateCode } from '../../common/domain/gate-code.js';
import {
  type BoardDirectionRow,
  GateFiguresRepository,
  type HourlyMovesRow,
} from '../declarations/gate-figures.repository.js';
import { STEP_AGENCIES, type StepAgency } from '../officers/agency.js';
import { YardCountsRepository } from '../regulation-yards/yard-counts.repository.js';
import { ReturnsRepository } from '../returns/returns.repository.js';
import { hourOf, type SlotHourRow, SlotHoursRepository } from '../slots/slot-hours.repository.js';
import type { ForecastSummary } from './board-warning.repository.js';
import type {
  BoardFiguresDto,
  BoardForecastDto,
  GateBoardResponseDto,
  HourlyMovesDto,
  NextHourDto,
  RegulationYardsBoardDto,
} from './dto/gate-board.response.dto.js';
import { type Forecast, FORECAST_HOURS, forecastYard, higherLevel } from './forecast.js';
import {
  demandRatio,
  parseWarningThresholds,
  warningLevel,
  type WarningLevel,
  type WarningThresholds,
} from './warning-level.js';

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

/** Both directions of each hour summed, in order. */
function perHour(rows: SlotHourRow[]): { slotStart: Date; capacity: number; booked: number }[] {
  const byHour = new Map<number, { slotStart: Date; capacity: number; booked: number }>();
  for (const row of rows) {
    const key = row.slot_start.getTime();
    const hour = byHour.get(key) ?? { slotStart: row.slot_start, capacity: 0, booked: 0 };
    hour.capacity += row.capacity;
    hour.booked += row.booked;
    byHour.set(key, hour);
  }
  return [...byHour.values()].sort((a, b) => a.slotStart.getTime() - b.slotStart.getTime());
}

/** A gate's level as BoardWatch records it: the board's, which of the two set it, and the forecast behind it. */
export interface GateLevel {
  level: WarningLevel;
  setBy: 'present' | 'forecast';
  forecast: ForecastSummary;
}

/** The public board of one gate: what is coming, what is in the yard, how fast it moves, how full today is. */
@Injectable()
export class GateBoardService {
  private readonly thresholds: WarningThresholds;
  private readonly cache: SingleFlightCache<GateCode, GateBoardResponseDto | null>;

  constructor(
    private readonly declarations: GateFiguresRepository,
    private readonly returns: ReturnsRepository,
    private readonly slotHours: SlotHoursRepository,
    private readonly yardCounts: YardCountsRepository,
    private readonly clock: Clock,
    @Inject(boardConfig.KEY) private readonly boardConfig: BoardConfig,
  ) {
    this.thresholds = parseWarningThresholds(boardConfig.warningThresholds);
    this.cache = new SingleFlightCache(boardConfig.cacheMs);
  }

  /** Null for a gate that is not in the reference data. At most BOARD_CACHE_MS old. */
  board(gate: GateCode): Promise<GateBoardResponseDto | null> {
    return this.cache.get(gate, () => this.compute(gate));
  }

  /** The gate's level now, read afresh (not from the cache); null for a gate not in the reference data. */
  async level(gate: GateCode): Promise<GateLevel | null> {
    const board = await this.compute(gate);
    if (!board) return null;
    const { level, peakHour, peakInYard, serviceRatePerHour } = board.forecast;
    return {
      level: board.warningLevel as WarningLevel,
      setBy: board.warningSetBy as GateLevel['setBy'],
      forecast: { level: level as WarningLevel, peakHour, peakInYard, serviceRatePerHour },
    };
  }

  private async compute(gate: GateCode): Promise<GateBoardResponseDto | null> {
    // The forecast decides by the service clock (the simulation runs it fast); today's figures stay on now().
    const now = this.clock.now();
    const from = hourOf(now);
    const windowHours = this.boardConfig.medianWindowHours;
    const [row, hourly, returns, slotHours, arrivals, exits, yards] = await Promise.all([
      this.declarations.board(gate, windowHours),
      this.declarations.hourlyMoves(gate),
      this.returns.counts(gate),
      this.slotHours.hours(gate, DIRECTIONS, from, FORECAST_HOURS),
      this.declarations.expectedArrivals(gate, from, FORECAST_HOURS),
      this.declarations.exitsBetween(gate, new Date(now.getTime() - windowHours * 3_600_000), now),
      this.yardCounts.counts(gate),
    ]);
    if (!row) return null;
    const byDirection = Object.fromEntries(
      row.directions.map((d) => [d.direction, this.figures(row.open, [d], d.median_minutes)]),
    ) as Record<Direction, BoardFiguresDto>;
    const whole = this.figures(row.open, row.directions, row.median_minutes);
    const regulationYards: RegulationYardsBoardDto = {
      waiting: yards.yards.reduce((sum, y) => sum + y.waiting, 0),
      called: yards.yards.reduce((sum, y) => sum + y.called, 0),
      yards: yards.yards.map((y) => ({
        code: y.code,
        name: y.name,
        nameEn: y.name_en,
        open: y.open,
        capacity: y.capacity,
        waiting: y.waiting,
        called: y.called,
      })),
    };
    const expected = new Map(arrivals.map((a) => [a.slot_start.getTime(), a.arrivals]));
    const hours = perHour(slotHours);
    const forecast = forecastYard(
      {
        inYard: whole.inYard,
        yardCapacity: row.yard_capacity,
        hours: hours.map((h) => ({ ...h, arrivals: expected.get(h.slotStart.getTime()) ?? 0 })),
        waiting: regulationYards.waiting,
        called: regulationYards.called,
        exits,
        windowHours,
        lookAheadHours: yards.look_ahead_minutes / 60,
      },
      this.thresholds,
    );
    const present = whole.warningLevel as WarningLevel;
    const level = higherLevel(present, forecast.level);
    return {
      gate: row.code,
      open: row.open,
      closedReason: row.closed_reason,
      closedAt: row.closed_at ? row.closed_at.toISOString() : null,
      day: row.today,
      timezone: row.timezone,
      medianWindowHours: windowHours,
      ...whole,
      warningLevel: level,
      presentWarningLevel: present,
      warningSetBy: level === present ? 'present' : 'forecast',
      byDirection: { export: byDirection.export, import: byDirection.import },
      hourly: allHours(hourly),
      returns,
      nextHours: nextHours(hours, forecast),
      regulationYards,
      forecast: forecastDto(forecast, row.yard_capacity),
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

function nextHours(hours: { slotStart: Date; booked: number }[], forecast: Forecast): NextHourDto[] {
  return forecast.hours.map((h, i) => ({
    slotStart: h.slotStart.toISOString(),
    capacity: h.capacity,
    booked: hours[i].booked,
    expectedArrivals: h.arrivals,
    fromRegulationYards: h.fromRegulationYards,
    expectedInYard: h.expectedInYard,
  }));
}

function forecastDto(forecast: Forecast, yardCapacity: number): BoardForecastDto {
  return {
    level: forecast.level,
    peakHour: forecast.peakHour ? forecast.peakHour.toISOString() : null,
    peakInYard: forecast.peakInYard,
    yardCapacity,
    serviceRatePerHour: forecast.serviceRatePerHour,
    serviceRateSource: forecast.serviceRateSource,
  };
}
