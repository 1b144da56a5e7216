import type { Random } from './random.js';

export type Nationality = 'VN' | 'CN';

/** Provinces whose trucks cross at Lạng Sơn: Lạng Sơn (12) itself, then the northern logistics hubs and Ho Chi Minh City. */
const VN_PROVINCES = {
  '12': 60,
  '29': 7,
  '30': 4,
  '98': 5,
  '99': 4,
  '14': 4,
  '15': 5,
  '20': 3,
  '11': 2,
  '34': 2,
  '89': 2,
  '51': 2,
};
/** Truck series; `LD` marks vehicles of foreign-invested companies. Never `R`: that series is for trailers. */
const VN_SERIES = { C: 70, H: 10, D: 5, E: 4, F: 3, LD: 4, K: 4 };

/** Guangxi first (桂F is Chongzuo, where Pingxiang is; 桂A Nanning), then the provinces whose goods come this way. */
const CN_PREFIXES = {
  桂F: 45,
  桂A: 15,
  桂B: 5,
  桂K: 4,
  桂N: 3,
  粤A: 5,
  粤B: 4,
  粤S: 3,
  云A: 3,
  湘A: 3,
  川A: 3,
  浙A: 3,
  闽D: 2,
  鲁B: 2,
};
// I and O never appear on Chinese plates (confusable with 1 and 0).
const CN_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A Vietnamese truck plate in canonical form (what PlateNumber.parse stores): `12C12345`, older `12C1234`. */
export function vnTruckPlate(random: Random): string {
  const serialDigits = random.chance(0.88) ? 5 : 4;
  return random.weighted(VN_PROVINCES) + random.weighted(VN_SERIES) + random.digits(serialDigits);
}

/** A Vietnamese semi-trailer plate (series R), canonical: `12R01234`. */
export function vnTrailerPlate(random: Random): string {
  return (random.chance(0.8) ? '12' : random.weighted(VN_PROVINCES)) + 'R' + random.digits(5);
}

/** A Chinese truck plate, canonical (no middle dot): `桂FA1234`, `桂F12345`, new-energy `桂FD12345`. */
export function cnTruckPlate(random: Random): string {
  const prefix = random.weighted(CN_PREFIXES);
  const shape = random.next();
  if (shape < 0.6) return prefix + random.pick(CN_LETTERS) + random.digits(4);
  if (shape < 0.88) return prefix + random.digits(5);
  if (shape < 0.96) return prefix + random.pick(CN_LETTERS) + random.pick(CN_LETTERS) + random.digits(3);
  return prefix + random.pick('DF') + random.digits(5);
}

/** A Chinese trailer plate, canonical: `桂F1234挂`. */
export function cnTrailerPlate(random: Random): string {
  return random.weighted(CN_PREFIXES) + random.digits(4) + '挂';
}

/** What PlateNumber keeps beside a Chinese plate for lookups without the province character; null for VN. */
export function plateShort(plate: string, nationality: Nationality): string | null {
  return nationality === 'CN' ? plate.slice(1) : null;
}

/** `count` distinct plates drawn by `draw` (a fleet never has two trucks with one number). */
export function distinctPlates(count: number, draw: () => string): string[] {
  const seen = new Set<string>();
  while (seen.size < count) seen.add(draw());
  return [...seen];
}
