import {
  classifyDriverDocument,
  isValidCnResidentId,
  isValidE164Phone,
  isValidPassportNumber,
  isValidVnCitizenId,
} from '../../src/common/identifiers/identifiers.js';
import { cnIdCheckChar, cnResidentId, driver, passportNumber, vnCitizenId } from './people.js';
import { Random } from './random.js';

describe('seed people', () => {
  const random = new Random(11);
  const many = <T>(draw: () => T): T[] => Array.from({ length: 2000 }, draw);

  it('draws citizen IDs (CCCD) the validator accepts, mostly from Lạng Sơn', () => {
    const ids = many(() => vnCitizenId(random));
    expect(ids.every(isValidVnCitizenId)).toBe(true);
    expect(ids.filter((id) => id.startsWith('020')).length / ids.length).toBeGreaterThan(0.4);
  });

  it('draws Chinese resident IDs with a valid check character', () => {
    expect(many(() => cnResidentId(random)).every(isValidCnResidentId)).toBe(true);
    expect(cnIdCheckChar('11010519491231002')).toBe('X'); // GB 11643's own example
  });

  it('draws passport numbers the validator accepts', () => {
    for (const nationality of ['VN', 'CN'] as const) {
      expect(many(() => passportNumber(random, nationality)).every(isValidPassportNumber)).toBe(true);
    }
  });

  it('gives each driver a document of the kind the service would classify it as, and an E.164 phone or none', () => {
    for (const nationality of ['VN', 'CN'] as const) {
      const drivers = many(() => driver(random, nationality));
      for (const d of drivers) {
        expect(classifyDriverDocument(nationality, d.documentNumber)).toBe(d.documentKind);
        if (d.phone !== null) expect(isValidE164Phone(d.phone)).toBe(true);
      }
      expect(drivers.some((d) => d.phone === null)).toBe(true);
      expect(drivers.some((d) => d.documentKind === 'passport')).toBe(true);
    }
  });
});
