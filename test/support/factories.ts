import { randomInt } from 'node:crypto';
import { iso6346CheckDigit } from '../../src/common/identifiers/identifiers.js';

let plateSeq = 0;

/** A Vietnamese truck plate no other test in this run uses, e.g. `12C-123.45`. */
export function uniqueVnPlate(): string {
  plateSeq += 1;
  const serial = (randomInt(0, 1000) * 100 + (plateSeq % 100)).toString().padStart(5, '0');
  const series = 'CDEFGHKLMN'[plateSeq % 10]; // never R: that series is for trailers
  return `${11 + randomInt(0, 88)}${series}-${serial.slice(0, 3)}.${serial.slice(3)}`;
}

/** A Vietnamese trailer plate (series R) no other test in this run uses, e.g. `12R-012.34`. */
export function uniqueTrailerPlate(): string {
  plateSeq += 1;
  const serial = (randomInt(0, 1000) * 100 + (plateSeq % 100)).toString().padStart(5, '0');
  return `${11 + randomInt(0, 88)}R-${serial.slice(0, 3)}.${serial.slice(3)}`;
}

/** An ISO 6346 container number with a valid check digit that no other test in this run uses. */
export function uniqueContainerNumber(): string {
  plateSeq += 1;
  const first10 = `TST${'UJZ'[plateSeq % 3]}${(randomInt(0, 10_000) * 100 + (plateSeq % 100)).toString().padStart(6, '0')}`;
  return `${first10}${iso6346CheckDigit(first10)}`;
}

export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

export interface DeclarationBody {
  gate: string;
  direction: string;
  expectedArrivalAt: string;
  vehicle: Record<string, unknown>;
  driver: Record<string, unknown>;
  cargo: Record<string, unknown>;
}

/** Exports of it need customs (stage 1), border guard (2) and the yard's fee (3): no quarantine. */
export const machines = { description: 'Server racks', hsCode: '84714990', grossWeightKg: 12000, perishable: false };
/** Perishable: quarantine runs beside customs, and it is served first in every queue. */
export const fruit = { description: 'Fresh dragon fruit', hsCode: '08109050', grossWeightKg: 18000, perishable: true };

/** A valid declaration body (the issue's example) with a fresh plate; override any part. */
export function declarationBody(overrides: Partial<DeclarationBody> = {}): DeclarationBody {
  return {
    gate: 'HUU_NGHI',
    direction: 'export',
    expectedArrivalAt: hoursFromNow(3),
    vehicle: { plate: uniqueVnPlate(), nationality: 'VN', trailerPlate: '12R-012.34', containerNumber: 'CSQU3054383' },
    driver: { fullName: 'Nguyễn Văn An', documentNumber: '020090001234', nationality: 'VN', phone: '+84912345678' },
    cargo: {
      description: 'Fresh dragon fruit',
      hsCode: '08109050',
      grossWeightKg: 18000,
      perishable: true,
      customsDeclarationNumber: '305123456789',
    },
    ...overrides,
  };
}

let keySeq = 0;
export function idempotencyKey(): string {
  keySeq += 1;
  return `test-${Date.now()}-${keySeq}`;
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}
