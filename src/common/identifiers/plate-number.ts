import { type Message, msg, renderMessage } from '../i18n/message.js';

export type PlateCountry = 'VN' | 'CN';
export type PlateKind = 'vehicle' | 'trailer';
export type PlateErrorCode =
  | 'PLATE.EMPTY'
  | 'PLATE.TOO_LONG'
  | 'PLATE.INVISIBLE_CHARACTER'
  | 'PLATE.LOOKALIKE_CHARACTER'
  | 'PLATE.UNKNOWN_PROVINCE'
  | 'PLATE.INVALID_FORMAT';

/** A refused plate: the rule's `code` and what is wrong (`text`, rendered in the reader's language; `.message` in English). */
export class PlateNumberError extends Error {
  constructor(
    readonly code: PlateErrorCode,
    readonly text: Message,
  ) {
    super(renderMessage('en', text));
    this.name = 'PlateNumberError';
  }
}

const MAX_INPUT_LENGTH = 32;

const CN_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const CN_SUFFIXES = '挂港澳';

// Tab is the only control character tolerated; Default_Ignorable also covers
// Hangul fillers and variation selectors, which render as nothing.
const INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const SEPARATORS = /[\s\-.\u00B7\u2022\u30FB\u2027\u2010-\u2015\u2212]/gu;
const FOREIGN_LETTER = /(?![\p{Script=Latin}\p{Script=Han}])\p{L}/u;
const ASCII_ALNUM = /^[0-9A-Za-z]$/;

const VN_PATTERN = /^(\d{2})([A-Z]{1,2})(\d{4,5})$/;
// City letter, then the serial; I and O never appear (confusable with 1 and 0).
const CN_BODY = /^([A-HJ-NP-Z])([A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂港澳])$/u;

export class PlateNumber {
  /** Canonical form without the Chinese province character, e.g. 'FA1234' for '桂FA1234'; null for VN plates. */
  readonly withoutProvince: string | null;

  private constructor(
    readonly value: string,
    readonly country: PlateCountry,
    readonly kind: PlateKind,
  ) {
    this.withoutProvince = country === 'CN' ? value.slice(1) : null;
  }

  /** Human display form: '12C-123.45', '12C-1234', '12LD-012.34', '桂F·A1234'. */
  display(): string {
    if (this.country === 'CN') return `${this.value.slice(0, 2)}·${this.value.slice(2)}`;
    const serialStart = this.value.search(/\d+$/);
    const [prefix, serial] = [this.value.slice(0, serialStart), this.value.slice(serialStart)];
    return serial.length === 5 ? `${prefix}-${serial.slice(0, 3)}.${serial.slice(3)}` : `${prefix}-${serial}`;
  }

  toString(): string {
    return this.value;
  }

  static parse(input: string): PlateNumber {
    return PlateNumber.fromCanonical(canonicalise(input));
  }

  /** How people write a stored (canonical) plate, `12C-123.45`; the stored text when it no longer parses. */
  static displayOf(plate: string): string {
    return PlateNumber.tryParse(plate)?.display() ?? plate;
  }

  static tryParse(input: string): PlateNumber | null {
    try {
      return PlateNumber.parse(input);
    } catch (error) {
      if (error instanceof PlateNumberError) return null;
      throw error;
    }
  }

  /** For lookups only: accepts everything parse() accepts, plus a Chinese plate typed without its province character (e.g. 'F·A1234', 'fa1234'), returned as { partialCn: 'FA1234' }. */
  static parseForLookup(input: string): { plate: PlateNumber } | { partialCn: string } {
    const canonical = canonicalise(input);
    if (cnBodyKind(canonical, null)) return { partialCn: canonical };
    return { plate: PlateNumber.fromCanonical(canonical) };
  }

  private static fromCanonical(canonical: string): PlateNumber {
    const vn = VN_PATTERN.exec(canonical);
    if (vn) {
      const [, province, series] = vn;
      if (Number(province) < 11) {
        fail('PLATE.UNKNOWN_PROVINCE', msg('plate.unknownVnProvince', { province }));
      }
      return new PlateNumber(canonical, 'VN', series === 'R' ? 'trailer' : 'vehicle');
    }
    const province = canonical[0];
    const kind = CN_PROVINCES.includes(province) ? cnBodyKind(canonical.slice(1), province) : null;
    if (kind) return new PlateNumber(canonical, 'CN', kind);
    return fail('PLATE.INVALID_FORMAT', msg('plate.invalidFormat'));
  }
}

function fail(code: PlateErrorCode, text: Message): never {
  throw new PlateNumberError(code, text);
}

/** Rejects hostile input, then NFKC + separators removed + upper case; checks every character against the allow-list. */
function canonicalise(input: string): string {
  // Callers may pass unvalidated JSON; a number must be a 400, not a TypeError.
  if (typeof input !== 'string') fail('PLATE.INVALID_FORMAT', msg('plate.notString'));
  if (Array.from(input).length > MAX_INPUT_LENGTH) {
    fail('PLATE.TOO_LONG', msg('plate.tooLong', { max: MAX_INPUT_LENGTH }));
  }
  const invisible = INVISIBLE.exec(input);
  if (invisible) {
    const codePoint = (invisible[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    fail('PLATE.INVISIBLE_CHARACTER', msg('plate.invisibleCharacter', { codePoint: `U+${codePoint}` }));
  }

  const chars = Array.from(input.normalize('NFKC').replace(SEPARATORS, ''));
  if (chars.length === 0) fail('PLATE.EMPTY', msg('plate.empty'));
  if (chars.some((c) => FOREIGN_LETTER.test(c))) {
    fail('PLATE.LOOKALIKE_CHARACTER', msg('plate.lookalike'));
  }
  // Checked before upper-casing so that e.g. 'ß' or dotless 'ı' cannot turn into valid letters.
  for (const [i, c] of chars.entries()) {
    if (ASCII_ALNUM.test(c) || (i === 0 ? CN_PROVINCES : CN_SUFFIXES).includes(c)) continue;
    if (i === 0 && /\p{Script=Han}/u.test(c)) {
      fail('PLATE.UNKNOWN_PROVINCE', msg('plate.unknownCnProvince', { province: c }));
    }
    fail('PLATE.INVALID_FORMAT', msg('plate.characterNotAllowed'));
  }
  return chars.join('').toUpperCase();
}

/** Kind of a Chinese plate given everything after the province character; null if it is not one. */
function cnBodyKind(body: string, province: string | null): PlateKind | null {
  const match = CN_BODY.exec(body);
  if (!match) return null;
  const [, city, serial] = match;
  if (!/\d/.test(serial)) return null;
  const suffix = serial.at(-1);
  if (suffix === '挂') return 'trailer';
  // 港/澳 cross-border plates are only issued as 粤Z; a lookup without the province may omit 粤.
  if (suffix === '港' || suffix === '澳') {
    return city === 'Z' && (province === null || province === '粤') ? 'vehicle' : null;
  }
  return 'vehicle';
}
