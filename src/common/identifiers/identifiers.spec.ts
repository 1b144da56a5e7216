import {
  classifyDriverDocument,
  isValidCnResidentId,
  isValidCustomsDeclarationNumber,
  isValidE164Phone,
  isValidHsCode,
  isValidIso6346,
  isValidPassportNumber,
  isValidVnCitizenId,
  isValidVnTaxCode,
  normaliseContainerNumber,
  normaliseTaxCode,
} from './identifiers.js';

describe('isValidIso6346', () => {
  // Check digits computed independently with the ISO 6346 algorithm (letter values A=10, B=12 … Z=38).
  it.each([
    'CSQU3054383', // the worked example in ISO 6346
    'MSKU9070323',
    'MSCU1234566',
    'TGHU8765436',
    'HLXU1234561',
    'OOLU1234567',
    'CMAU0123458',
    'GESU5123450', // weighted sum ≡ 0 (mod 11)
    'TGHU1000050', // weighted sum ≡ 10 (mod 11): the check digit wraps to 0
    'XYZJ0001232', // category J: detachable equipment
    'ABCZ9999992', // category Z: trailer or chassis
  ])('accepts %s', (container) => {
    expect(isValidIso6346(container)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidIso6346('CSQU3054384')).toBe(false);
    expect(isValidIso6346('CSQU3054380')).toBe(false);
  });

  it('rejects every single-digit change to the serial and check digit', () => {
    const valid = 'CSQU3054383';
    for (let position = 4; position < 11; position++) {
      for (const digit of '0123456789') {
        if (digit === valid[position]) continue;
        const mutated = valid.slice(0, position) + digit + valid.slice(position + 1);
        expect(isValidIso6346(mutated)).toBe(false);
      }
    }
  });

  it('rejects two transposed adjacent serial digits', () => {
    expect(isValidIso6346('CSQU3504383')).toBe(false);
  });

  it('rejects a change to the owner code', () => {
    expect(isValidIso6346('CSRU3054383')).toBe(false);
  });

  it.each([
    ['category letter other than U, J or Z', 'CSQX3054383'],
    ['lower case', 'csqu3054383'],
    ['with a space', 'CSQU 3054383'],
    ['with a dash', 'CSQU-305438-3'],
    ['too short', 'CSQU305438'],
    ['too long', 'CSQU30543830'],
    ['digit in the owner code', 'C5QU3054383'],
    ['letter in the serial', 'CSQU3O54383'],
    ['empty', ''],
  ])('rejects a malformed number (%s)', (_, container) => {
    expect(isValidIso6346(container)).toBe(false);
  });
});

describe('normaliseContainerNumber', () => {
  it.each([
    ['csqu 305438 3', 'CSQU3054383'],
    ['CSQU-305438-3', 'CSQU3054383'],
    [' csqu3054383 ', 'CSQU3054383'],
    ['CSQU3054383', 'CSQU3054383'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseContainerNumber(input)).toBe(expected);
    expect(isValidIso6346(normaliseContainerNumber(input))).toBe(true);
  });
});

describe('isValidVnCitizenId', () => {
  it.each([
    '001099012345', // Hà Nội, male born 1999
    '020185000123', // Lạng Sơn, female born 1985
    '079203456789', // Hồ Chí Minh City, male born 2003
    '096300000001', // Cà Mau, female born 2000
    '020999999999',
  ])('accepts %s', (id) => {
    expect(isValidVnCitizenId(id)).toBe(true);
  });

  it('accepts all 63 province codes and no others', () => {
    const accepted = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0')).filter((province) =>
      isValidVnCitizenId(`${province}099012345`),
    );
    expect(accepted).toHaveLength(63);
    expect(accepted[0]).toBe('001');
    expect(accepted).toContain('020');
    expect(accepted.at(-1)).toBe('096');
  });

  it.each([
    ['province code not in use', '003099012345'],
    ['province code 000', '000099012345'],
    ['province code above 096', '097099012345'],
    ['11 digits', '00109901234'],
    ['13 digits', '0010990123456'],
    ['a letter', '00109901234A'],
    ['with spaces', '001 099 012345'],
    ['empty', ''],
  ])('rejects %s', (_, id) => {
    expect(isValidVnCitizenId(id)).toBe(false);
  });
});

describe('isValidCnResidentId', () => {
  // Check characters computed with ISO 7064 MOD 11-2; the first two are the examples in GB 11643-1999.
  it.each([
    '11010519491231002X',
    '440524188001010014',
    '451481199001010012', // Pingxiang, Guangxi
    '451402197806153016', // Chongzuo, Guangxi
    '451481200002290023', // born on a leap day
    '110105180001011232', // born 1800, the earliest year accepted
  ])('accepts %s', (id) => {
    expect(isValidCnResidentId(id)).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidCnResidentId('110105194912310020')).toBe(false);
    expect(isValidCnResidentId('440524188001010015')).toBe(false);
  });

  it('rejects every single-digit change to the first 17 digits', () => {
    const valid = '451481199001010012';
    for (let position = 0; position < 17; position++) {
      for (const digit of '0123456789') {
        if (digit === valid[position]) continue;
        const mutated = valid.slice(0, position) + digit + valid.slice(position + 1);
        expect(isValidCnResidentId(mutated)).toBe(false);
      }
    }
  });

  // These carry a correct check character, so only the birth date can reject them.
  it.each([
    ['29 February in a common year', '110105199902291235'],
    ['month 13', '11010519901301123X'],
    ['31 April', '110105199004311230'],
    ['month 00', '110105199000011230'],
    ['a birth date in the future', '110105209901011234'],
    ['a birth year before 1800', '110105179912311238'],
  ])('rejects %s', (_, id) => {
    expect(isValidCnResidentId(id)).toBe(false);
  });

  it.each([
    ['lower-case x', '11010519491231002x'],
    ['X before the last position', '1101051949123100X2'],
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X0'],
    ['with spaces', '110105 19491231 002X'],
    ['empty', ''],
  ])('rejects a malformed number (%s)', (_, id) => {
    expect(isValidCnResidentId(id)).toBe(false);
  });
});

describe('isValidPassportNumber', () => {
  it.each(['C1234567', 'N1234567', 'E12345678', 'EA1234567', '123456789', 'P0000001'])('accepts %s', (n) => {
    expect(isValidPassportNumber(n)).toBe(true);
  });

  it.each([
    ['7 characters', 'C123456'],
    ['10 characters', 'E123456789'],
    ['no digit', 'ABCDEFGH'],
    ['lower case', 'c1234567'],
    ['a space', 'C 1234567'],
    ['a dash', 'C-1234567'],
    ['a non-ASCII letter', 'С1234567'],
    ['empty', ''],
  ])('rejects %s', (_, n) => {
    expect(isValidPassportNumber(n)).toBe(false);
  });
});

describe('classifyDriverDocument', () => {
  it('classifies a Vietnamese driver’s 12-digit number as a citizen ID', () => {
    expect(classifyDriverDocument('VN', '020185000123')).toBe('vn_citizen_id');
  });

  it('returns null for a Vietnamese driver’s 12-digit number with an unknown province', () => {
    expect(classifyDriverDocument('VN', '003185000123')).toBeNull();
  });

  it('classifies a Vietnamese driver’s passport', () => {
    expect(classifyDriverDocument('VN', 'C1234567')).toBe('passport');
  });

  it('classifies a Chinese driver’s 18-character number as a resident ID', () => {
    expect(classifyDriverDocument('CN', '451481199001010012')).toBe('cn_resident_id');
    expect(classifyDriverDocument('CN', '11010519491231002X')).toBe('cn_resident_id');
  });

  it('returns null for a Chinese driver’s 18-character number with a bad checksum', () => {
    expect(classifyDriverDocument('CN', '451481199001010013')).toBeNull();
  });

  it('classifies a Chinese driver’s passport', () => {
    expect(classifyDriverDocument('CN', 'E12345678')).toBe('passport');
    expect(classifyDriverDocument('CN', 'EA1234567')).toBe('passport');
  });

  it('does not accept one country’s national ID for the other country’s driver', () => {
    expect(classifyDriverDocument('CN', '020185000123')).toBeNull();
    expect(classifyDriverDocument('VN', '451481199001010012')).toBeNull();
  });

  it.each([
    ['VN', ''],
    ['VN', 'C12345'],
    ['VN', 'ABCDEFGH'],
    ['CN', '12345'],
    ['CN', 'e12345678'],
  ] as const)('returns null for a %s driver’s invalid number %j', (nationality, n) => {
    expect(classifyDriverDocument(nationality, n)).toBeNull();
  });
});

describe('isValidCustomsDeclarationNumber', () => {
  it.each(['103456789012', '305123456780', '000000000000'])('accepts %s', (n) => {
    expect(isValidCustomsDeclarationNumber(n)).toBe(true);
  });

  it.each(['10345678901', '1034567890123', '10345678901A', '103 456 789 012', ''])('rejects %j', (n) => {
    expect(isValidCustomsDeclarationNumber(n)).toBe(false);
  });
});

describe('isValidHsCode', () => {
  it.each([
    '08109050', // fresh durian
    '07099990',
    '01012100', // chapter 01, the first
    '97011000', // chapter 97, the last
    '85171300',
  ])('accepts %s', (n) => {
    expect(isValidHsCode(n)).toBe(true);
  });

  it.each([
    ['chapter 00', '00123456'],
    ['chapter 98', '98010000'],
    ['chapter 99', '99999999'],
    ['chapter 77, reserved in the HS', '77011000'],
    ['6 digits', '081090'],
    ['10 digits', '0810905000'],
    ['with dots', '0810.90.50'],
    ['a letter', '0810905A'],
    ['empty', ''],
  ])('rejects %s', (_, n) => {
    expect(isValidHsCode(n)).toBe(false);
  });
});

describe('isValidVnTaxCode and normaliseTaxCode', () => {
  it.each(['0100112437', '0101234567', '0101234567001', '0101234567-001'])('accepts %s', (n) => {
    expect(isValidVnTaxCode(n)).toBe(true);
  });

  it.each([
    ['9 digits', '010123456'],
    ['11 digits', '01012345670'],
    ['12 digits', '010123456700'],
    ['14 digits', '01012345670010'],
    ['dash in the wrong place', '010123456-7001'],
    ['two dashes', '0101234567--001'],
    ['trailing dash', '0101234567-'],
    ['a space', '0101234567 001'],
    ['a letter', '010123456A'],
    ['empty', ''],
  ])('rejects %s', (_, n) => {
    expect(isValidVnTaxCode(n)).toBe(false);
  });

  it.each([
    ['0101234567-001', '0101234567001'],
    [' 0101234567 - 001 ', '0101234567001'],
    ['0101 234 567', '0101234567'],
    ['0101234567001', '0101234567001'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normaliseTaxCode(input)).toBe(expected);
    expect(isValidVnTaxCode(normaliseTaxCode(input))).toBe(true);
  });

  it('leaves a dash in the wrong place for the validator to reject', () => {
    expect(normaliseTaxCode('010123456-7001')).toBe('010123456-7001');
    expect(isValidVnTaxCode(normaliseTaxCode('010123456-7001'))).toBe(false);
  });
});

describe('isValidE164Phone', () => {
  it.each(['+84912345678', '+8613812345678', '+12025550123', '+84123456'])('accepts %s', (n) => {
    expect(isValidE164Phone(n)).toBe(true);
  });

  it.each([
    ['no plus sign', '84912345678'],
    ['national format', '0912345678'],
    ['country code starting with 0', '+0912345678'],
    ['too short', '+8412345'],
    ['more than 15 digits', '+8491234567890123'],
    ['spaces', '+84 912 345 678'],
    ['a dash', '+84-912345678'],
    ['empty', ''],
  ])('rejects %s', (_, n) => {
    expect(isValidE164Phone(n)).toBe(false);
  });
});
