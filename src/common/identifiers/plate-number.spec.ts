import { PlateNumber, PlateNumberError, type PlateErrorCode } from './plate-number.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function errorCodeOf(action: () => unknown): PlateErrorCode | 'NO_ERROR' {
  const error = thrownBy(action);
  if (error === undefined) return 'NO_ERROR';
  if (error instanceof PlateNumberError) return error.code;
  throw new Error('Expected a PlateNumberError', { cause: error });
}

const codeOf = (input: string) => errorCodeOf(() => PlateNumber.parse(input));

describe('PlateNumber', () => {
  describe('Vietnamese plates', () => {
    it.each([
      '12C-123.45',
      '12c 123 45',
      '12C12345',
      ' 12C-123.45 ',
      '１２Ｃ－１２３．４５',
      '12c.123.45',
      '12C–123.45', // en dash
      '12C\u2212123\u00B745', // minus sign, middle dot
      '12C\u00A0123.45', // no-break space
      '12C\u3000123.45', // ideographic space
      '\t12C-123.45\t',
    ])('canonicalises the spelling %j to 12C12345', (input) => {
      const plate = PlateNumber.parse(input);
      expect(plate.value).toBe('12C12345');
      expect(plate.country).toBe('VN');
      expect(plate.kind).toBe('vehicle');
      expect(plate.withoutProvince).toBeNull();
    });

    it('canonicalises full-width digits and punctuation', () => {
      expect(PlateNumber.parse('３４Ｅ－０１２．３４').value).toBe('34E01234');
    });

    it('accepts an older plate with a four-digit serial', () => {
      const plate = PlateNumber.parse('12C-1234');
      expect(plate.value).toBe('12C1234');
      expect(plate.display()).toBe('12C-1234');
    });

    it('accepts the two-letter LD series of foreign-invested companies', () => {
      const plate = PlateNumber.parse('12LD-012.34');
      expect(plate.value).toBe('12LD01234');
      expect(plate.kind).toBe('vehicle');
      expect(plate.display()).toBe('12LD-012.34');
    });

    it('accepts other one- and two-letter series without restricting the letters', () => {
      expect(PlateNumber.parse('29KT-123.45').value).toBe('29KT12345');
      expect(PlateNumber.parse('51H-999.99').value).toBe('51H99999');
      expect(PlateNumber.parse('99D-000.01').value).toBe('99D00001');
    });

    it('marks series R as a trailer', () => {
      const plate = PlateNumber.parse('12R-012.34');
      expect(plate.value).toBe('12R01234');
      expect(plate.kind).toBe('trailer');
    });

    it('does not treat a two-letter series beginning with R as a trailer', () => {
      expect(PlateNumber.parse('12RM-012.34').kind).toBe('vehicle');
    });

    it('accepts province codes 11 through 99', () => {
      expect(PlateNumber.parse('11A-123.45').value).toBe('11A12345');
      expect(PlateNumber.parse('99A-123.45').value).toBe('99A12345');
    });

    it.each(['00C-123.45', '10C-123.45', '05LD-1234'])('rejects the province code in %j as unknown', (input) => {
      expect(codeOf(input)).toBe('PLATE.UNKNOWN_PROVINCE');
    });

    it.each([
      ['serial too short', '12C-123'],
      ['serial too long', '12C-123.456'],
      ['three-letter series', '12ABC-123.45'],
      ['no series', '12-123.45'],
      ['one-digit province', '1C-123.45'],
      ['three-digit province', '123C-123.45'],
      ['letter in serial', '12C-12A.45'],
      ['series before province', 'C12-123.45'],
      ['digits only', '1212345'],
    ])('rejects a malformed plate (%s)', (_, input) => {
      expect(codeOf(input)).toBe('PLATE.INVALID_FORMAT');
    });
  });

  describe('Chinese plates', () => {
    it('accepts an ordinary plate and keeps the province character', () => {
      const plate = PlateNumber.parse('桂A12345');
      expect(plate.value).toBe('桂A12345');
      expect(plate.country).toBe('CN');
      expect(plate.kind).toBe('vehicle');
      expect(plate.withoutProvince).toBe('A12345');
    });

    it.each(['桂F·A1234', '桂 f a1234', '桂F-A1234', '桂F・A1234', '桂F•A1234', '桂Ｆ·Ａ１２３４', '桂fa1234'])(
      'canonicalises the spelling %j to 桂FA1234',
      (input) => {
        const plate = PlateNumber.parse(input);
        expect(plate.value).toBe('桂FA1234');
        expect(plate.withoutProvince).toBe('FA1234');
      },
    );

    it('accepts a new-energy plate with six characters after the city letter', () => {
      const plate = PlateNumber.parse('粤B·D12345');
      expect(plate.value).toBe('粤BD12345');
      expect(plate.kind).toBe('vehicle');
      expect(plate.display()).toBe('粤B·D12345');
    });

    it('marks a plate ending in 挂 as a trailer', () => {
      const plate = PlateNumber.parse('桂A1234挂');
      expect(plate.value).toBe('桂A1234挂');
      expect(plate.kind).toBe('trailer');
      expect(plate.withoutProvince).toBe('A1234挂');
    });

    it('accepts Hong Kong and Macau cross-border plates under 粤Z', () => {
      expect(PlateNumber.parse('粤Z1234港').value).toBe('粤Z1234港');
      expect(PlateNumber.parse('粤Z·F023澳').kind).toBe('vehicle');
    });

    it.each(['桂Z1234港', '粤B1234港', '粤Z12345港'])('rejects the cross-border suffix in %j', (input) => {
      expect(codeOf(input)).toBe('PLATE.INVALID_FORMAT');
    });

    it('accepts every one of the 31 province abbreviations', () => {
      const provinces = Array.from('京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼');
      expect(provinces).toHaveLength(31);
      for (const province of provinces) {
        expect(PlateNumber.parse(`${province}A12345`).value).toBe(`${province}A12345`);
      }
    });

    it.each(['好A12345', '中A12345', '挂A12345'])('rejects the unknown Han prefix in %j', (input) => {
      expect(codeOf(input)).toBe('PLATE.UNKNOWN_PROVINCE');
    });

    it.each([
      ['I as city letter', '桂I12345'],
      ['O as city letter', '桂O12345'],
      ['O in the serial', '桂A1234O'],
      ['I in the serial', '桂AI2345'],
      ['digit as city letter', '桂112345'],
      ['serial too short', '桂A1234'],
      ['serial too long', '桂A1234567'],
      ['unknown trailing Han character', '桂A1234学'],
      ['trailer with five serial characters', '桂A12345挂'],
      ['province character not first', 'A桂12345'],
      ['two province characters', '桂桂A12345'],
      ['serial without any digit', '桂AABCDE'],
      ['province character alone', '桂'],
    ])('rejects a malformed plate (%s)', (_, input) => {
      expect(codeOf(input)).toBe('PLATE.INVALID_FORMAT');
    });
  });

  describe('hostile and malformed input', () => {
    it.each([
      ['zero-width space', '12C-123\u200B.45'],
      ['zero-width non-joiner', '12C\u200C12345'],
      ['zero-width joiner', '12C\u200D12345'],
      ['word joiner', '12C\u206012345'],
      ['byte-order mark', '\uFEFF12C12345'],
      ['right-to-left override', '12C-\u202E54.321'],
      ['left-to-right mark', '12C\u200E12345'],
      ['first strong isolate', '\u206812C12345\u2069'],
      ['soft hyphen', '12C\u00AD12345'],
      ['Hangul filler', '12C\u316412345'],
      ['variation selector', '12C\uFE0F12345'],
      ['tag character', '12C12345\u{E0041}'],
      ['NUL byte', '12C12345\u0000'],
      ['newline', '12C\n12345'],
      ['escape', '\u001B12C12345'],
      ['DEL', '12C12345\u007F'],
    ])('rejects an invisible character (%s)', (_, input) => {
      expect(codeOf(input)).toBe('PLATE.INVISIBLE_CHARACTER');
    });

    it('rejects invisible characters before normalising, even alongside look-alikes', () => {
      expect(codeOf('12\u0421\u200B12345')).toBe('PLATE.INVISIBLE_CHARACTER');
    });

    it.each([
      ['Cyrillic Es', '12\u0421-123.45'],
      ['lower-case Cyrillic es', '12\u0441-123.45'],
      ['Greek Alpha', '12\u0391-123.45'],
      ['Greek Kappa and Tau', '12\u039A\u03A4-123.45'],
      ['Cyrillic A in a Chinese plate', '桂\u0410A1234'],
      ['Armenian', '12\u0555-123.45'],
      ['Katakana', '12\u30AB-123.45'],
      ['Hangul', '12\uAC00-123.45'],
    ])('rejects a letter from another script (%s)', (_, input) => {
      expect(codeOf(input)).toBe('PLATE.LOOKALIKE_CHARACTER');
    });

    it.each([
      ['emoji', '12C-123.45🚚'],
      ['accented Latin letter', '12É-123.45'],
      ['sharp s, which would upper-case to SS', '12ß-123.45'],
      ['dotless i, which would upper-case to I', '12ı-123.45'],
      ['slash', '12C/12345'],
      ['underscore', '12C_12345'],
      ['Arabic-Indic digit', '12C-123.4\u0665'],
      ['combining acute accent on a digit', '12C-123.45\u0301'],
    ])('rejects a character outside the allow-list (%s)', (_, input) => {
      expect(codeOf(input)).toBe('PLATE.INVALID_FORMAT');
    });

    it.each(['', '   ', '\t', ' - . · ', '\u3000'])('rejects the empty input %j', (input) => {
      expect(codeOf(input)).toBe('PLATE.EMPTY');
    });

    it('rejects input longer than 32 characters before normalising', () => {
      expect(codeOf('12C-123.45' + ' '.repeat(23))).toBe('PLATE.TOO_LONG');
      expect(codeOf('12C-123.45' + ' '.repeat(22))).toBe('NO_ERROR');
    });

    it('counts length in characters, not UTF-16 code units', () => {
      expect(codeOf('🚚'.repeat(16))).toBe('PLATE.INVALID_FORMAT');
      expect(codeOf('🚚'.repeat(33))).toBe('PLATE.TOO_LONG');
    });

    it('rejects a value that is not a string at run time', () => {
      expect(errorCodeOf(() => PlateNumber.parse(12345 as unknown as string))).toBe('PLATE.INVALID_FORMAT');
    });

    it('throws a PlateNumberError carrying its code and a message naming the code point', () => {
      const error = thrownBy(() => PlateNumber.parse('12C\u200B12345'));
      expect(error).toBeInstanceOf(PlateNumberError);
      expect(error).toBeInstanceOf(Error);
      const { name, code, message } = error as PlateNumberError;
      expect(name).toBe('PlateNumberError');
      expect(code).toBe('PLATE.INVISIBLE_CHARACTER');
      expect(message).toContain('U+200B');
    });
  });

  describe('display()', () => {
    it.each([
      ['12C12345', '12C-123.45'],
      ['12C1234', '12C-1234'],
      ['12LD01234', '12LD-012.34'],
      ['12R01234', '12R-012.34'],
      ['桂FA1234', '桂F·A1234'],
      ['桂A12345', '桂A·12345'],
      ['桂A1234挂', '桂A·1234挂'],
      ['粤Z1234港', '粤Z·1234港'],
    ])('shows %s as %s', (canonical, shown) => {
      expect(PlateNumber.parse(canonical).display()).toBe(shown);
    });

    it.each(['12C12345', '12C1234', '12LD01234', '12R01234', '桂FA1234', '粤BD12345', '桂A1234挂', '粤Z1234港'])(
      'round-trips %s through display() and parse()',
      (canonical) => {
        const plate = PlateNumber.parse(canonical);
        expect(PlateNumber.parse(plate.display()).value).toBe(canonical);
      },
    );

    it('uses the canonical value as its string form', () => {
      const plate = PlateNumber.parse('12c-123.45');
      expect(plate.toString()).toBe('12C12345');
      expect(String(plate)).toBe('12C12345');
    });
  });

  describe('displayOf()', () => {
    it('writes a stored plate as people do, and keeps text that is no plate as it is', () => {
      expect(PlateNumber.displayOf('12C12345')).toBe('12C-123.45');
      expect(PlateNumber.displayOf('12R01234')).toBe('12R-012.34');
      expect(PlateNumber.displayOf('not a plate')).toBe('not a plate');
    });
  });

  describe('tryParse()', () => {
    it('returns the plate for valid input', () => {
      expect(PlateNumber.tryParse('12C-123.45')?.value).toBe('12C12345');
    });

    it.each(['', '12\u0421-123.45', '12C\u200B12345', '好A12345', 'x'.repeat(40)])(
      'returns null instead of throwing for %j',
      (input) => {
        expect(PlateNumber.tryParse(input)).toBeNull();
      },
    );
  });

  describe('parseForLookup()', () => {
    it('returns a full plate for anything parse() accepts', () => {
      expect(PlateNumber.parseForLookup('12C-123.45')).toEqual({
        plate: PlateNumber.parse('12C12345'),
      });
      expect(PlateNumber.parseForLookup('桂F·A1234')).toEqual({
        plate: PlateNumber.parse('桂FA1234'),
      });
    });

    it.each([
      ['F·A1234', 'FA1234'],
      ['fa1234', 'FA1234'],
      ['F A1234', 'FA1234'],
      ['Ｆ·Ａ１２３４', 'FA1234'],
      ['A12345', 'A12345'],
      ['BD12345', 'BD12345'],
      ['A1234挂', 'A1234挂'],
      ['Z1234港', 'Z1234港'],
    ])('returns a Chinese plate typed without its province character (%j) as partial', (input, partialCn) => {
      expect(PlateNumber.parseForLookup(input)).toEqual({ partialCn });
    });

    it.each([
      ['PLATE.INVALID_FORMAT', 'I12345'],
      ['PLATE.INVALID_FORMAT', 'A1234'],
      ['PLATE.INVALID_FORMAT', 'ABCDEF'],
      ['PLATE.INVALID_FORMAT', 'A1234港'],
      ['PLATE.LOOKALIKE_CHARACTER', '\u0410A1234'],
      ['PLATE.INVISIBLE_CHARACTER', 'FA\u200B1234'],
      ['PLATE.UNKNOWN_PROVINCE', '好A12345'],
      ['PLATE.EMPTY', ' '],
      ['PLATE.TOO_LONG', 'F'.repeat(33)],
    ])('throws %s for %j', (code, input) => {
      expect(errorCodeOf(() => PlateNumber.parseForLookup(input))).toBe(code);
    });
  });
});
