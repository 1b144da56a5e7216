// ISO 6346 letter values start at 10 and skip multiples of 11 (11, 22, 33).
const ISO6346_LETTER_VALUES: Readonly<Record<string, number>> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value++;
    values[letter] = value++;
  }
  return values;
})();

/** Owner code (3 letters) + category (U, J or Z) + 6-digit serial + check digit. Input must already be normalised. */
export function isValidIso6346(container: string): boolean {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(container)) return false;
  return iso6346CheckDigit(container.slice(0, 10)) === Number(container[10]);
}

/** ISO 6346 check digit of the first ten characters: owner code + category (letters) and the 6-digit serial. */
export function iso6346CheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (i < 4 ? ISO6346_LETTER_VALUES[first10[i]] : Number(first10[i])) * 2 ** i;
  return (sum % 11) % 10;
}

export function normaliseContainerNumber(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

// Province codes of the 63 pre-2025 provinces; IDs already issued keep them after the 2025 merger.
const VN_CITIZEN_ID_PROVINCES = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 ' +
    '035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 ' +
    '070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

/** CCCD: 3-digit province code + century/sex digit + 2-digit birth year + 6-digit serial. */
export function isValidVnCitizenId(id: string): boolean {
  return /^\d{12}$/.test(id) && VN_CITIZEN_ID_PROVINCES.has(id.slice(0, 3));
}

const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK_CHARS = '10X98765432';

/** GB 11643: 6-digit region + YYYYMMDD birth date + 3-digit serial + ISO 7064 MOD 11-2 check character. */
export function isValidCnResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = CN_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  if (CN_ID_CHECK_CHARS[sum % 11] !== id[17]) return false;
  return isPastDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

function isPastDate(year: number, month: number, day: number): boolean {
  // The 18-digit format spells out the century; GB 11643's own example was born in 1880.
  if (year < 1800) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-30 over to March, so a real date must survive the round trip.
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && date.getTime() <= Date.now();
}

export function isValidPassportNumber(n: string): boolean {
  return /^[A-Z0-9]{8,9}$/.test(n) && /\d/.test(n);
}

/** A driver's document number as stored and compared: NFKC, upper case, without spaces or dashes. */
export function normaliseDocumentNumber(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

export type DocumentKind = 'vn_citizen_id' | 'cn_resident_id' | 'passport';

/** Which document a driver's number is, given the driver's nationality ('VN' | 'CN'); null if invalid for that nationality. VN: 12 digits → CCCD (must be valid), else passport. CN: 18 chars → resident ID (must be valid), else passport. */
export function classifyDriverDocument(nationality: 'VN' | 'CN', documentNumber: string): DocumentKind | null {
  if (nationality === 'VN' && /^\d{12}$/.test(documentNumber)) {
    return isValidVnCitizenId(documentNumber) ? 'vn_citizen_id' : null;
  }
  if (nationality === 'CN' && documentNumber.length === 18) {
    return isValidCnResidentId(documentNumber) ? 'cn_resident_id' : null;
  }
  return isValidPassportNumber(documentNumber) ? 'passport' : null;
}

/** VNACCS customs declaration number. */
export function isValidCustomsDeclarationNumber(n: string): boolean {
  return /^\d{12}$/.test(n);
}

/** 8-digit Vietnamese tariff line; chapter 77 is reserved in the Harmonized System and never used. */
export function isValidHsCode(n: string): boolean {
  if (!/^\d{8}$/.test(n)) return false;
  const chapter = Number(n.slice(0, 2));
  return chapter >= 1 && chapter <= 97 && chapter !== 77;
}

/** 10 digits, or 13 (10 + 3-digit branch); the written form '0101234567-001' is accepted too. */
export function isValidVnTaxCode(n: string): boolean {
  return /^\d{10}(?:-?\d{3})?$/.test(n);
}

export function normaliseTaxCode(input: string): string {
  const compact = input.replace(/\s/g, '');
  return /^\d{10}-\d{3}$/.test(compact) ? compact.replace('-', '') : compact;
}

export function isValidE164Phone(n: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(n);
}
