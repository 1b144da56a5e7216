import { iso6346CheckDigit } from '../../src/common/identifiers/identifiers.js';
import type { Random } from './random.js';

export type Direction = 'export' | 'import';

export interface Goods {
  description: string;
  /** 8-digit Vietnamese tariff line. */
  hsCode: string;
  perishable: boolean;
  /** Gross weight range in tonnes. */
  tonnes: readonly [number, number];
  /** Share of such loads that travel in a container. */
  containerShare: number;
}

export interface Cargo {
  description: string;
  hsCode: string | null;
  grossWeightKg: number;
  perishable: boolean;
  quarantineRequired: boolean;
  customsDeclarationNumber: string | null;
  containerNumber: string | null;
}

const fruit = (description: string, hsCode: string): Goods => ({
  description,
  hsCode,
  perishable: true,
  tonnes: [14, 30],
  containerShare: 0.7,
});
const general = (
  description: string,
  hsCode: string,
  tonnes: readonly [number, number],
  containerShare = 0.6,
): Goods => ({
  description,
  hsCode,
  perishable: false,
  tonnes,
  containerShare,
});

/** Fresh fruit leaves in the fruit season; farm and wood products all year. */
export const EXPORT_FRUIT: readonly Goods[] = [
  fruit('Thanh long tươi / fresh dragon fruit', '08109050'),
  fruit('Sầu riêng tươi / fresh durian', '08106000'),
  fruit('Vải tươi / fresh lychee', '08109020'),
  fruit('Nhãn tươi / fresh longan', '08109010'),
  fruit('Mít tươi / fresh jackfruit', '08109060'),
  fruit('Chuối tươi / fresh bananas', '08039010'),
  fruit('Xoài tươi / fresh mangoes', '08045020'),
];
export const EXPORT_OTHER: readonly Goods[] = [
  general('Tinh bột sắn / cassava starch', '11081400', [20, 32]),
  general('Hạt điều nhân / cashew kernels', '08013200', [10, 25]),
  general('Cao su tự nhiên / natural rubber', '40012210', [18, 30]),
  general('Gỗ ván bóc / wood veneer', '44083990', [15, 30]),
  general('Đồ gỗ nội thất / wooden furniture', '94036090', [5, 18]),
  general('Hạt tiêu / black pepper', '09041120', [10, 25]),
  general('Thủy sản đông lạnh / frozen seafood', '03061729', [15, 28], 0.95),
];
export const IMPORT_GOODS: readonly Goods[] = [
  general('Linh kiện điện tử / electronic components', '85423900', [2, 12], 0.8),
  general('Máy móc công nghiệp / industrial machinery', '84798939', [6, 30]),
  general('Vải dệt thoi / woven fabric', '54075200', [10, 25]),
  general('Phân bón urê / urea fertiliser', '31021000', [25, 34], 0.2),
  general('Thép cán nóng / hot-rolled steel', '72085100', [25, 34], 0.1),
  general('Phụ tùng ô tô / vehicle parts', '87089990', [4, 18]),
  general('Hạt nhựa / plastic granules', '39011092', [20, 28]),
  general('Gạch ốp lát / ceramic tiles', '69072191', [25, 34], 0.4),
  { ...fruit('Táo tươi / fresh apples', '08081000'), tonnes: [15, 28] },
  { ...fruit('Tỏi tươi / fresh garlic', '07032090'), tonnes: [20, 30] },
  { ...fruit('Quýt tươi / fresh mandarins', '08052100'), tonnes: [15, 28] },
];

// Owner codes of carriers and lessors seen on this route (category U: freight container).
const CONTAINER_OWNERS = [
  'MSKU',
  'TCLU',
  'CSNU',
  'OOLU',
  'TGHU',
  'SEGU',
  'FCIU',
  'CAIU',
  'TEMU',
  'BMOU',
  'CSQU',
  'WHLU',
];

export function containerNumber(random: Random): string {
  const first10 = random.pick(CONTAINER_OWNERS) + random.digits(6);
  return first10 + String(iso6346CheckDigit(first10));
}

/** Fruit-season weight of fresh-fruit exports for a month (0 = January): lychee and longan in summer, Tết in winter. */
export function fruitSeason(month: number): number {
  return [1.2, 0.9, 0.6, 0.7, 1.1, 1.5, 1.6, 1.5, 1.2, 0.9, 0.9, 1.2][month];
}

/**
 * What a truck carries: exports are fruit (more in season) or farm and wood goods; imports are mostly
 * manufactured goods. Some trucks run empty (0 kg, no goods code); the goods code is often missing.
 */
export function cargo(random: Random, direction: Direction, month: number): Cargo {
  if (random.chance(direction === 'import' ? 0.03 : 0.06)) return emptyTruck();
  const goods =
    direction === 'import'
      ? random.pick(IMPORT_GOODS)
      : random.chance(0.45 * fruitSeason(month))
        ? random.pick(EXPORT_FRUIT)
        : random.pick(EXPORT_OTHER);
  return {
    description: goods.description,
    hsCode: random.chance(0.85) ? goods.hsCode : null,
    grossWeightKg: Math.round(random.between(goods.tonnes[0], goods.tonnes[1]) * 100) * 10,
    perishable: goods.perishable,
    quarantineRequired: !goods.perishable && random.chance(0.02),
    customsDeclarationNumber: random.chance(0.75) ? random.pick(['10', '30']) + random.digits(10) : null,
    containerNumber: random.chance(goods.containerShare) ? containerNumber(random) : null,
  };
}

function emptyTruck(): Cargo {
  return {
    description: 'Xe rỗng / empty truck',
    hsCode: null,
    grossWeightKg: 0,
    perishable: false,
    quarantineRequired: false,
    customsDeclarationNumber: null,
    containerNumber: null,
  };
}
