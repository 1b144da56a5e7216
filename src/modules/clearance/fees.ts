export const VEHICLE_CLASSES = ['VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6'] as const;
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];
export const GOODS_CATEGORIES = ['farm', 'general', 'empty'] as const;
export type GoodsCategory = (typeof GOODS_CATEGORIES)[number];

/**
 * Vehicle classes by the declared gross weight (the declaration carries no tonnage of its own), each below its
 * limit: VT1 < 2 t, VT2 < 5 t, VT3 < 10 t, VT4 < 15 t, VT5 < 18 t; VT6 (HEAVIEST_CLASS) from 18 t.
 */
export const CLASS_LIMITS_KG: readonly (readonly [VehicleClass, number])[] = [
  ['VT1', 2_000],
  ['VT2', 5_000],
  ['VT3', 10_000],
  ['VT4', 15_000],
  ['VT5', 18_000],
];
export const HEAVIEST_CLASS: VehicleClass = 'VT6';

/** Farm goods: perishable, or HS chapters 01 up to this one (animal, vegetable and food products). */
export const LAST_FARM_HS_CHAPTER = 24;

export function vehicleClassFor(grossWeightKg: number): VehicleClass {
  return CLASS_LIMITS_KG.find(([, limit]) => grossWeightKg < limit)?.[0] ?? HEAVIEST_CLASS;
}

export function goodsCategoryFor(cargo: {
  grossWeightKg: number;
  perishable: boolean;
  hsCode: string | null;
}): GoodsCategory {
  if (cargo.grossWeightKg === 0) return 'empty';
  const chapter = cargo.hsCode ? Number(cargo.hsCode.slice(0, 2)) : null;
  return cargo.perishable || (chapter !== null && chapter <= LAST_FARM_HS_CHAPTER) ? 'farm' : 'general';
}
