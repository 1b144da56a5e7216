import type { Random } from './random.js';

export interface SeedCompany {
  id: string;
  name: string;
  taxCode: string;
  /** Share of all trips (sums to 1 over the companies). */
  share: number;
}

const FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Hợp tác xã'];
const TRADES = ['Vận tải', 'Logistics', 'Xuất nhập khẩu', 'Thương mại và Vận tải', 'Giao nhận', 'Tiếp vận'];
const NAMES = [
  'Hoàng Long',
  'Đồng Đăng',
  'Kỳ Lừa',
  'Tân Thanh',
  'Hữu Nghị',
  'Xứ Lạng',
  'Phú Xá',
  'Bắc Sơn',
  'Mẫu Sơn',
  'Việt Trung',
  'Kim Long',
  'Thành Đạt',
  'Phúc An',
  'Minh Phát',
  'Hưng Thịnh',
  'Đại Dương',
  'Sao Mai',
  'Trường Giang',
];

/** Zipf-like shares: the k-th company has weight 1/k^exponent, so a handful of big carriers make most trips. */
export function zipfShares(count: number, exponent: number): number[] {
  const weights = Array.from({ length: count }, (_, k) => 1 / (k + 1) ** exponent);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * Transport companies and customs agents, biggest first. Tax codes are Lạng Sơn's 49xxxxxxxx, unique by
 * construction (the serial is the company's rank, spaced out), a few with a branch suffix.
 */
export function companies(random: Random, count: number): SeedCompany[] {
  const shares = zipfShares(count, 1.05);
  return shares.map((share, rank) => {
    const base = `49${String(10_000_000 + rank * 1_373 + random.int(0, 1_000)).padStart(8, '0')}`;
    return {
      id: random.uuid(),
      name: companyName(rank),
      taxCode: random.chance(0.08) ? `${base}00${random.int(1, 9)}` : base,
      share,
    };
  });
}

/** Distinct for the first 432 ranks (every form × trade × name), then numbered. */
function companyName(rank: number): string {
  const name = NAMES[rank % NAMES.length];
  const trade = TRADES[Math.floor(rank / NAMES.length) % TRADES.length];
  const form = FORMS[Math.floor(rank / (NAMES.length * TRADES.length)) % FORMS.length];
  const round = Math.floor(rank / (NAMES.length * TRADES.length * FORMS.length));
  return `${form} ${trade} ${name}${round > 0 ? ` ${round + 1}` : ''}`;
}
