import { goodsCategoryFor, vehicleClassFor } from './fees.js';

describe('fee classes', () => {
  it.each([
    [0, 'VT1'],
    [1_999, 'VT1'],
    [2_000, 'VT2'],
    [9_999, 'VT3'],
    [14_999, 'VT4'],
    [17_999, 'VT5'],
    [18_000, 'VT6'],
    [40_000, 'VT6'],
  ])('%i kg is %s', (kg, expected) => {
    expect(vehicleClassFor(kg)).toBe(expected);
  });

  it('tells farm goods, general goods and empty trucks apart', () => {
    expect(goodsCategoryFor({ grossWeightKg: 18_000, perishable: true, hsCode: null })).toBe('farm');
    expect(goodsCategoryFor({ grossWeightKg: 18_000, perishable: false, hsCode: '20089990' })).toBe('farm');
    expect(goodsCategoryFor({ grossWeightKg: 18_000, perishable: false, hsCode: '84713020' })).toBe('general');
    expect(goodsCategoryFor({ grossWeightKg: 0, perishable: false, hsCode: null })).toBe('empty');
  });
});
