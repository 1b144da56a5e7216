import {
  demandRatio,
  WARNING_LEVELS,
  type WarningLevel,
  type WarningThresholds,
  warningLevel,
} from './warning-level.js';

/** The hours the board looks ahead, from the current one. */
export const FORECAST_HOURS = 12;

/** One hour of the gate as the forecast needs it (both directions summed). */
export interface ForecastHourInput {
  slotStart: Date;
  /** The hour's capacity: the standing one or the calendar's. */
  capacity: number;
  /** Accepted trucks still expected in this hour: booked for it, or arriving then without a booking. */
  arrivals: number;
}

export interface ForecastInput {
  /** Vehicles in the gate yard now. */
  inYard: number;
  /** `gate.yard_capacity`: vehicles the gate yard holds at once. */
  yardCapacity: number;
  /** From the current hour, in order. */
  hours: ForecastHourInput[];
  /** Trucks waiting at the gate's regulation yards, not yet called. */
  waiting: number;
  /** Trucks called forward and on their way to the gate. */
  called: number;
  /** Exits measured over the last `windowHours` (the board's median window). */
  exits: number;
  windowHours: number;
  /** The call rule's look-ahead: the call forward keeps the gate yard supplied for this long. */
  lookAheadHours: number;
}

export interface ForecastHour {
  slotStart: Date;
  capacity: number;
  arrivals: number;
  /** Trucks the call forward would send from the regulation yards in this hour (the called ones in the first). */
  fromRegulationYards: number;
  /** Vehicles expected in the gate yard at the end of the hour. */
  expectedInYard: number;
}

export interface Forecast {
  hours: ForecastHour[];
  /** Exits per hour over the window, or (nothing measured) the current hour's capacity. */
  serviceRatePerHour: number;
  serviceRateSource: 'measured' | 'capacity';
  peakHour: Date | null;
  peakInYard: number;
  level: WarningLevel;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/**
 * The gate yard hour by hour: start from the vehicles in it now; each hour add the trucks expected (booked or
 * arriving unbooked) and those the call forward would send from the regulation yards, and take away the service
 * rate. The rate is the exits per hour measured over the board's window; when nothing left in that window, each
 * hour's own capacity. The call forward sends trucks only into room: at most what the yard holds at the end of the
 * hour, and at most what the gate serves in the hour plus its look-ahead, less the trucks already on their way.
 * So trucks at the regulation yards never push the forecast over the yard's capacity; arrivals beyond what the
 * gate serves do. The level is the peak occupancy over `yardCapacity`, against the board's thresholds.
 */
export function forecastYard(input: ForecastInput, thresholds: WarningThresholds): Forecast {
  const measured = input.windowHours > 0 && input.exits > 0 ? input.exits / input.windowHours : null;
  const rateOf = (hour: ForecastHourInput): number => measured ?? Math.max(0, hour.capacity);
  let occupancy = Math.max(0, input.inYard);
  let waiting = Math.max(0, input.waiting);
  const hours = input.hours.map((hour, index): ForecastHour => {
    const rate = rateOf(hour);
    const onTheirWay = index === 0 ? Math.max(0, input.called) : 0;
    const arrivals = Math.max(0, hour.arrivals);
    const roomAtEnd = Math.floor(input.yardCapacity - Math.max(0, occupancy + arrivals + onTheirWay - rate));
    const supply = Math.ceil(rate) + Math.max(1, Math.ceil(rate * input.lookAheadHours)) - onTheirWay;
    const calls = Math.max(0, Math.min(waiting, roomAtEnd, supply));
    waiting -= calls;
    occupancy = Math.max(0, occupancy + arrivals + onTheirWay + calls - rate);
    return {
      slotStart: hour.slotStart,
      capacity: hour.capacity,
      arrivals,
      fromRegulationYards: onTheirWay + calls,
      expectedInYard: Math.round(occupancy),
    };
  });
  let peak: ForecastHour | null = null;
  for (const hour of hours) if (!peak || hour.expectedInYard > peak.expectedInYard) peak = hour;
  const peakInYard = peak?.expectedInYard ?? 0;
  return {
    hours,
    serviceRatePerHour: oneDecimal(measured ?? Math.max(0, input.hours[0]?.capacity ?? 0)),
    serviceRateSource: measured === null ? 'capacity' : 'measured',
    peakHour: peak?.slotStart ?? null,
    peakInYard,
    level: warningLevel(demandRatio(peakInYard, input.yardCapacity), thresholds),
  };
}

/** The more severe of two levels. */
export function higherLevel(a: WarningLevel, b: WarningLevel): WarningLevel {
  return WARNING_LEVELS.indexOf(a) >= WARNING_LEVELS.indexOf(b) ? a : b;
}
