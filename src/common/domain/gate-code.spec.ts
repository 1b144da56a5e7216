import { parseGateCode } from './gate-code.js';

describe('parseGateCode', () => {
  it.each([
    ['HUU_NGHI', 'HUU_NGHI'],
    ['huu_nghi', 'HUU_NGHI'],
    ['Huu_Nghi', 'HUU_NGHI'],
    ['tan_THANH', 'TAN_THANH'],
  ])('takes %s as %s', (raw, code) => {
    expect(parseGateCode(raw)).toBe(code);
  });

  it.each([
    ['another gate', 'MONG_CAI'],
    ['a hyphen', 'huu-nghi'],
    ['surrounding space', ' HUU_NGHI'],
    ['a dotless ı, which upper-cases to I', 'huu_nghı'],
    ['the empty string', ''],
    ['a number', 1],
    ['nothing', undefined],
  ])('refuses %s', (_what, raw) => {
    expect(parseGateCode(raw)).toBeNull();
  });
});
