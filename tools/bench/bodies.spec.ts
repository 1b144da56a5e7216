import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PlateNumber } from '../../src/common/identifiers/plate-number.js';
import { SubmitDeclarationRequestDto } from '../../src/modules/declarations/dto/submit-declaration.request.dto.js';
import { declarationBody } from './bodies.js';
import { benchPlate } from './plates.js';

describe('declarationBody', () => {
  // The validator checks arrival against the real clock, so build bodies from it.
  const now = Date.now();

  it.each([0, 1, 2, 3, 17, 99_999])('body %i passes the service’s own request validation', (i) => {
    const dto = plainToInstance(SubmitDeclarationRequestDto, declarationBody(i, 1000 + i, now));
    expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
  });

  it('declares the reserved plate, in some spelling', () => {
    const body = declarationBody(5, 42, now);
    expect(PlateNumber.parse(body.vehicle.plate).value).toBe(benchPlate(42));
  });

  it('spreads arrivals from 2 h to 5 days ahead, and uses both gates and directions', () => {
    const bodies = Array.from({ length: 600 }, (_, i) => declarationBody(i, i, now));
    const offsets = bodies.map((b) => (Date.parse(b.expectedArrivalAt) - now) / 3_600_000);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(2 - 1 / 60);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(5 * 24);
    expect(new Set(bodies.map((b) => b.expectedArrivalAt.slice(0, 10))).size).toBeGreaterThanOrEqual(5);
    expect(new Set(bodies.map((b) => b.gate))).toEqual(new Set(['HUU_NGHI', 'TAN_THANH']));
    expect(new Set(bodies.map((b) => b.direction))).toEqual(new Set(['export', 'import']));
  });

  it('can pin the gate', () => {
    expect(declarationBody(1, 1, now, 'HUU_NGHI').gate).toBe('HUU_NGHI');
  });
});
