import { FORECAST_HOURS, type ForecastInput, forecastYard, higherLevel } from './forecast.js';
import { parseWarningThresholds } from './warning-level.js';

const thresholds = parseWarningThresholds('0.7,0.85,1');
const start = new Date('2026-12-07T01:00:00Z');
const hourAt = (i: number): Date => new Date(start.getTime() + i * 3_600_000);

function input(overrides: Partial<ForecastInput> = {}, arrivals: number[] = [], capacity = 20): ForecastInput {
  return {
    inYard: 0,
    yardCapacity: 100,
    hours: Array.from({ length: FORECAST_HOURS }, (_, i) => ({
      slotStart: hourAt(i),
      capacity,
      arrivals: arrivals[i] ?? 0,
    })),
    waiting: 0,
    called: 0,
    exits: 0,
    windowHours: 6,
    lookAheadHours: 1,
    ...overrides,
  };
}

describe('forecastYard', () => {
  it('drains the yard at the measured exits per hour over the window', () => {
    const f = forecastYard(input({ inYard: 50, exits: 60 }), thresholds);
    expect(f.serviceRatePerHour).toBe(10);
    expect(f.serviceRateSource).toBe('measured');
    expect(f.hours.map((h) => h.expectedInYard)).toEqual([40, 30, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.peakInYard).toBe(40);
    expect(f.peakHour).toEqual(hourAt(0));
    expect(f.level).toBe('green');
  });

  it('uses each hour’s capacity as the rate when nothing left in the window', () => {
    const f = forecastYard(input({ inYard: 30 }, [], 20), thresholds);
    expect(f.serviceRateSource).toBe('capacity');
    expect(f.serviceRatePerHour).toBe(20);
    expect(f.hours.slice(0, 3).map((h) => h.expectedInYard)).toEqual([10, 0, 0]);
  });

  it('piles up booked arrivals beyond the service rate and warns at the peak against the yard capacity', () => {
    // 10 served an hour, 40 booked in each of hours 2–4: +30 an hour, 90 at the end of hour 4.
    const f = forecastYard(input({ exits: 60 }, [0, 0, 40, 40, 40]), thresholds);
    expect(f.hours.slice(0, 7).map((h) => h.expectedInYard)).toEqual([0, 0, 30, 60, 90, 80, 70]);
    expect(f.peakInYard).toBe(90);
    expect(f.peakHour).toEqual(hourAt(4));
    expect(f.level).toBe('orange');
    expect(forecastYard(input({ exits: 60 }, [0, 0, 40, 40, 50]), thresholds).level).toBe('red');
    expect(forecastYard(input({ exits: 60 }, [0, 0, 40, 40, 20]), thresholds).level).toBe('yellow');
    expect(forecastYard(input({ exits: 60 }, [0, 0, 40, 40]), thresholds).level).toBe('green');
  });

  it('sends trucks from the regulation yards only into room, never over the yard capacity', () => {
    const f = forecastYard(input({ inYard: 95, waiting: 500, exits: 60 }), thresholds);
    // The yard holds 100: each hour the call forward replaces what left, and the yard stays full but not over.
    expect(f.hours.every((h) => h.expectedInYard <= 100)).toBe(true);
    expect(f.hours[0].fromRegulationYards).toBe(15);
    expect(f.hours[1].fromRegulationYards).toBe(10);
    expect(f.level).toBe('red');
  });

  it('supplies the gate for the look-ahead at the service rate, less the trucks already called', () => {
    const f = forecastYard(input({ waiting: 100, called: 5, exits: 60, lookAheadHours: 1 }), thresholds);
    // First hour: 5 on their way + (10 served + 10 ahead − 5 on their way) called = 20 arrive, 10 leave.
    expect(f.hours[0]).toMatchObject({ fromRegulationYards: 20, expectedInYard: 10 });
    expect(f.hours[1]).toMatchObject({ fromRegulationYards: 20, expectedInYard: 20 });
    const total = f.hours.reduce((sum, h) => sum + h.fromRegulationYards, 0);
    expect(total).toBeLessThanOrEqual(105);
  });

  it('is red without a yard capacity, and the rate of a gate with no capacity and no exits is 0', () => {
    const f = forecastYard(input({ yardCapacity: 0 }, [], 0), thresholds);
    expect(f.serviceRatePerHour).toBe(0);
    expect(f.level).toBe('red');
  });
});

describe('higherLevel', () => {
  it('picks the more severe', () => {
    expect(higherLevel('green', 'orange')).toBe('orange');
    expect(higherLevel('red', 'yellow')).toBe('red');
    expect(higherLevel('yellow', 'yellow')).toBe('yellow');
  });
});
