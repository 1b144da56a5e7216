import { describe, expect, it } from '@jest/globals';
import {
  arrivalIso,
  checkValues,
  emptyValues,
  type FormValues,
  localInput,
  serverProblems,
  toBody,
} from './declaration-form';

const NOW = Date.parse('2026-12-07T01:00:00Z');

function good(): FormValues {
  return {
    ...emptyValues(),
    expectedArrivalAt: '2026-12-08T08:00',
    'vehicle.plate': '12C-123.45',
    'vehicle.trailerPlate': '12R-012.34',
    'vehicle.containerNumber': 'CSQU3054383',
    'driver.fullName': 'Nguyễn Văn An',
    'driver.documentNumber': '020090001234',
    'driver.phone': '+84912345678',
    'cargo.description': 'Fresh dragon fruit',
    'cargo.hsCode': '08109050',
    'cargo.grossWeightKg': '18000',
    'cargo.perishable': 'true',
    'cargo.customsDeclarationNumber': '305123456789',
  };
}

describe('the declaration form', () => {
  it('finds nothing wrong with a valid declaration, and builds the API body from it', () => {
    expect(checkValues(good(), 'en', NOW)).toEqual({});
    expect(toBody(good())).toEqual({
      gate: 'HUU_NGHI',
      direction: 'export',
      expectedArrivalAt: '2026-12-08T08:00:00+07:00',
      vehicle: { plate: '12C-123.45', nationality: 'VN', trailerPlate: '12R-012.34', containerNumber: 'CSQU3054383' },
      driver: { fullName: 'Nguyễn Văn An', documentNumber: '020090001234', nationality: 'VN', phone: '+84912345678' },
      cargo: {
        description: 'Fresh dragon fruit',
        hsCode: '08109050',
        grossWeightKg: 18000,
        perishable: true,
        customsDeclarationNumber: '305123456789',
        quarantineRequired: false,
      },
    });
  });

  it("refuses with the API's rules and words, in the reader's language", () => {
    const values: FormValues = {
      ...good(),
      'vehicle.plate': '12Ц-123.45',
      'vehicle.trailerPlate': '12C-123.46',
      'vehicle.containerNumber': 'CSQU3054384',
      'driver.documentNumber': '123',
      'cargo.hsCode': '77000000',
      'cargo.grossWeightKg': '18.5',
      'driver.fullName': ' ',
    };
    const en = checkValues(values, 'en', NOW);
    expect(en['vehicle.plate']).toContain('PLATE.LOOKALIKE_CHARACTER');
    expect(en['vehicle.trailerPlate']).toBe('is not a trailer plate (Vietnamese series R, Chinese ending in 挂)');
    expect(en['vehicle.containerNumber']).toContain('ISO 6346');
    expect(en['driver.documentNumber']).toContain('CCCD');
    expect(en['cargo.hsCode']).toContain('HS code');
    expect(en['cargo.grossWeightKg']).toContain('whole number');
    expect(en['driver.fullName']).toBe('is required');
    const vi = checkValues(values, 'vi', NOW);
    expect(vi['driver.fullName']).toBe('là bắt buộc');
    expect(checkValues(values, 'zh', NOW)['driver.fullName']).toBe('为必填项');
  });

  it('checks across fields as the API does: the plate’s country against the nationality', () => {
    const values = { ...good(), 'vehicle.plate': '桂A12345', 'vehicle.trailerPlate': '' };
    expect(checkValues(values, 'en', NOW)['vehicle.nationality']).toBe(
      'is VN but the plate is a CN plate; make them agree',
    );
    expect(checkValues({ ...values, 'vehicle.nationality': 'CN' }, 'en', NOW)).toEqual({});
  });

  it('refuses an arrival more than a year away, and leaves out fields not asked for', () => {
    const far = { ...good(), expectedArrivalAt: '2028-12-08T08:00' };
    expect(checkValues(far, 'en', NOW).expectedArrivalAt).toContain('366');
    expect(checkValues(far, 'en', NOW, ['vehicle.plate'])).toEqual({});
  });

  it('reads local times as Vietnam time and keeps a written offset', () => {
    expect(arrivalIso('2026-12-08 08:00')).toBe('2026-12-08T08:00:00+07:00');
    expect(arrivalIso('2026-12-08T08:00:00Z')).toBe('2026-12-08T08:00:00Z');
    expect(localInput('2026-12-08T01:00:00Z')).toBe('2026-12-08T08:00');
  });

  it("sorts the API's field problems by field", () => {
    const answer = serverProblems([
      { field: 'vehicle.plate', message: 'bad plate' },
      { field: 'elsewhere', message: 'other' },
    ]);
    expect(answer.problems).toEqual({ 'vehicle.plate': 'bad plate' });
    expect(answer.other).toEqual(['elsewhere: other']);
  });
});
