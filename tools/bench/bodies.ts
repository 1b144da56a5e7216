import { benchPlate, spell } from './plates.js';

const HOUR = 3_600_000;
/** Arrivals spread over 2 h … 5 days ahead (inside the 7-day screening window), minute by minute. */
const SPREAD_MINUTES = 5 * 24 * 60 - 120;

export interface BenchDeclaration {
  gate: 'HUU_NGHI' | 'TAN_THANH';
  direction: 'export' | 'import';
  expectedArrivalAt: string;
  vehicle: { plate: string; nationality: 'VN' };
  driver: { fullName: string; documentNumber: string; nationality: 'VN' };
  cargo: { description: string; grossWeightKg: number; perishable: boolean };
}

/**
 * The body of bench submission i: a unique plate (benchPlate(plateNumber), spelled one of its ways), both
 * gates and directions, arrival spread over the coming days so no gate-day fills up, a valid CCCD.
 * The floor gets the same body (it reads gate, direction and vehicle.plate, and stores the rest).
 */
export function declarationBody(
  i: number,
  plateNumber: number,
  nowMs: number,
  gate?: 'HUU_NGHI' | 'TAN_THANH',
): BenchDeclaration {
  const minutes = 120 + ((i * 7919) % SPREAD_MINUTES);
  return {
    gate: gate ?? (i % 2 === 0 ? 'HUU_NGHI' : 'TAN_THANH'),
    direction: i % 3 === 2 ? 'import' : 'export',
    expectedArrivalAt: new Date(Math.floor((nowMs + minutes * 60_000) / 1000) * 1000).toISOString(),
    vehicle: { plate: spell(benchPlate(plateNumber), i), nationality: 'VN' },
    driver: {
      fullName: 'Nguyễn Văn Bench',
      // CCCD: Lạng Sơn (020), born 1990 (century/sex 0, year 90), 6-digit serial.
      documentNumber: `020090${String(i % 1_000_000).padStart(6, '0')}`,
      nationality: 'VN',
    },
    cargo: { description: 'Bench load: fresh dragon fruit', grossWeightKg: 18_000, perishable: i % 4 === 0 },
  };
}

export { HOUR };
