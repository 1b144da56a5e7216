/**
 * Plate numbers for the load: the spellings people type for a stored canonical plate, unique plates for
 * bench submissions, plates that exist nowhere, and the floor's plates. Pure.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const VN = /^(\d{2}[A-Z]{1,2})(\d{4,5})$/;

/** Full-width forms of ASCII digits and letters (NFKC folds them back). */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * Spellings of a canonical plate that the service's PlateNumber parser (and the floor's canon) read back to
 * it: display form, lower case with spaces, dots, full-width, plain lower case, dashes. VN `12C12345`;
 * CN `桂FA1234` keeps its province character (a lookup without it can be ambiguous).
 */
export function spellingVariants(canonical: string): string[] {
  const vn = VN.exec(canonical);
  if (vn) {
    const [, prefix, serial] = vn;
    const grouped = serial.length === 5 ? `${serial.slice(0, 3)}.${serial.slice(3)}` : serial;
    const spaced = serial.length === 5 ? `${serial.slice(0, 3)} ${serial.slice(3)}` : serial;
    return [
      `${prefix}-${grouped}`,
      `${prefix.toLowerCase()} ${spaced}`,
      `${prefix}.${grouped}`,
      toFullWidth(canonical),
      canonical.toLowerCase(),
      `${prefix}-${serial}`,
      canonical,
    ];
  }
  const chars = Array.from(canonical);
  if (chars.length >= 3 && /\p{Script=Han}/u.test(chars[0])) {
    const [province, city, ...rest] = chars;
    const serial = rest.join('');
    return [
      `${province}${city}·${serial}`,
      `${province}${city.toLowerCase()} ${serial.toLowerCase()}`,
      `${province}${city}-${serial}`,
      `${province}${toFullWidth(city + serial)}`,
      canonical,
    ];
  }
  return [canonical];
}

/** The i-th spelling of a plate, cycling through its variants. */
export function spell(canonical: string, i: number): string {
  const variants = spellingVariants(canonical);
  return variants[i % variants.length];
}

/**
 * Canonical VN plate number n of the bench's own plate space: province 11-99, series `X?`/`Y?`/`Z?` (two
 * letters, never a trailer), 5-digit serial. 89 × 78 × 100,000 ≈ 694 M distinct plates; n wraps beyond.
 */
export const BENCH_PLATE_SPACE = 89 * 78 * 100_000;
export function benchPlate(n: number): string {
  const k = ((n % BENCH_PLATE_SPACE) + BENCH_PLATE_SPACE) % BENCH_PLATE_SPACE;
  const serial = k % 100_000;
  const seriesIndex = Math.floor(k / 100_000) % 78;
  const province = 11 + Math.floor(k / (100_000 * 78));
  const series = 'XYZ'[Math.floor(seriesIndex / 26)] + LETTERS[seriesIndex % 26];
  return `${province}${series}${String(serial).padStart(5, '0')}`;
}

/**
 * Candidate plates nobody declares: valid VN plates of series `Q?` (the bench never submits those). The
 * caller still checks them against the database and drops any that exist.
 */
export function unknownPlateCandidates(count: number, seed = 1): string[] {
  const random = mulberry32(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const province = 11 + Math.floor(random() * 89);
    const series = `Q${LETTERS[Math.floor(random() * 26)]}`;
    out.add(`${province}${series}${String(Math.floor(random() * 100_000)).padStart(5, '0')}`);
  }
  return [...out];
}

/** Row i (0-based) of floor-seed.sql: '12' + series (C for i < 100000, then D, E, …) + 5 digits. */
export function floorPlate(i: number): string {
  return `12${String.fromCharCode(67 + Math.floor(i / 100_000))}${String(i % 100_000).padStart(5, '0')}`;
}

/** `count` distinct floor row indexes below `rows`, spread by a seeded generator. */
export function sampleIndexes(rows: number, count: number, seed = 1): number[] {
  if (count >= rows) return Array.from({ length: rows }, (_, i) => i);
  const random = mulberry32(seed);
  const out = new Set<number>();
  while (out.size < count) out.add(Math.floor(random() * rows));
  return [...out];
}

/** Small seeded PRNG (mulberry32): reproducible samples without a dependency. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
