export type VehicleClass = 'VT1' | 'VT2' | 'VT3' | 'VT4' | 'VT5' | 'VT6';
export type GoodsCategory = 'farm' | 'general' | 'empty';

/**
 * Vehicle class from the declared gross weight (the declaration carries no tonnage of its own):
 * VT1 < 2 t, VT2 < 5 t, VT3 < 10 t, VT4 < 15 t, VT5 < 18 t, VT6 ≥ 18 t.
 */
export function vehicleClassFor(grossWeightKg: number): VehicleClass {
  if (grossWeightKg < 2_000) return 'VT1';
  if (grossWeightKg < 5_000) return 'VT2';
  if (grossWeightKg < 10_000) return 'VT3';
  if (grossWeightKg < 15_000) return 'VT4';
  if (grossWeightKg < 18_000) return 'VT5';
  return 'VT6';
}

/** Farm goods: perishable, or HS chapters 01–24 (animal, vegetable and food products). */
export function goodsCategoryFor(cargo: {
  grossWeightKg: number;
  perishable: boolean;
  hsCode: string | null;
}): GoodsCategory {
  if (cargo.grossWeightKg === 0) return 'empty';
  const chapter = cargo.hsCode ? Number(cargo.hsCode.slice(0, 2)) : null;
  return cargo.perishable || (chapter !== null && chapter <= 24) ? 'farm' : 'general';
}
