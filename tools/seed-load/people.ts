import type { Nationality } from './plates.js';
import type { Random } from './random.js';

export interface Driver {
  fullName: string;
  documentNumber: string;
  documentKind: 'vn_citizen_id' | 'cn_resident_id' | 'passport';
  nationality: Nationality;
  phone: string | null;
}

const VN_FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vi',
  'Hà',
  'Lăng',
  'Nông',
  'Lương',
  'Đặng',
  'Vũ',
  'Bế',
  'Lộc',
  'Triệu',
];
const VN_MIDDLE = ['Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Thị', 'Quang', 'Công'];
const VN_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Mạnh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
];
const CN_FAMILY = ['李', '王', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '农', '韦', '覃', '黎', '梁'];
const CN_GIVEN = ['伟', '强', '军', '勇', '杰', '涛', '明', '超', '华', '斌', '志强', '建国', '海波', '国庆', '文杰'];

// Lạng Sơn (020) first; then the provinces that send most drivers north (pre-2025 codes, still on issued cards).
const CCCD_PROVINCES = {
  '020': 55,
  '001': 8,
  '024': 7,
  '031': 6,
  '022': 5,
  '004': 4,
  '019': 4,
  '027': 4,
  '030': 3,
  '079': 4,
};
// Pingxiang, Chongzuo, Nanning, Guangzhou, Kunming, Changsha.
const CN_REGIONS = { '451481': 40, '451402': 15, '450103': 15, '440106': 10, '530102': 10, '430102': 10 };
const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK_CHARS = '10X98765432';

/** CCCD: province + century/sex digit (0/1 born 1900s, 2/3 born 2000s) + two-digit birth year + 6-digit serial. */
export function vnCitizenId(random: Random): string {
  const year = random.int(1965, 2003);
  const centurySex = (year >= 2000 ? 2 : 0) + (random.chance(0.06) ? 1 : 0);
  return random.weighted(CCCD_PROVINCES) + String(centurySex) + String(year % 100).padStart(2, '0') + random.digits(6);
}

/** GB 11643 resident ID: region + birth date + serial + ISO 7064 MOD 11-2 check character. */
export function cnResidentId(random: Random): string {
  const birth = `${random.int(1965, 2000)}${pad2(random.int(1, 12))}${pad2(random.int(1, 28))}`;
  const body = random.weighted(CN_REGIONS) + birth + random.digits(3);
  return body + cnIdCheckChar(body);
}

export function cnIdCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CN_ID_WEIGHTS[i] * Number(body17[i]);
  return CN_ID_CHECK_CHARS[sum % 11];
}

/** Vietnamese passports: a letter and 7 digits; Chinese: E or G and 8 digits. */
export function passportNumber(random: Random, nationality: Nationality): string {
  return nationality === 'VN'
    ? random.pick(['C', 'N', 'B']) + random.digits(7)
    : random.pick(['E', 'G']) + random.digits(8);
}

/** E.164 mobile numbers; a fifth of declarations leave the phone out. */
export function driverPhone(random: Random, nationality: Nationality): string | null {
  if (random.chance(0.2)) return null;
  return nationality === 'VN'
    ? '+84' + random.pick(['9', '8', '3', '7']) + random.digits(8)
    : '+861' + random.pick(['3', '5', '8']) + random.digits(9);
}

export function driverName(random: Random, nationality: Nationality): string {
  return nationality === 'VN'
    ? `${random.pick(VN_FAMILY)} ${random.pick(VN_MIDDLE)} ${random.pick(VN_GIVEN)}`
    : random.pick(CN_FAMILY) + random.pick(CN_GIVEN);
}

/** A driver with a citizen / resident ID (a few carry a passport instead). */
export function driver(random: Random, nationality: Nationality): Driver {
  const passport = random.chance(0.03);
  const documentNumber = passport
    ? passportNumber(random, nationality)
    : nationality === 'VN'
      ? vnCitizenId(random)
      : cnResidentId(random);
  return {
    fullName: driverName(random, nationality),
    documentNumber,
    documentKind: passport ? 'passport' : nationality === 'VN' ? 'vn_citizen_id' : 'cn_resident_id',
    nationality,
    phone: driverPhone(random, nationality),
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
