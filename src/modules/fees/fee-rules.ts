import type { Direction } from '../../common/domain/gate-code.js';

// The declaration's words the rules read, spelt here so that declarations may use the fees module without a cycle
// (fee-rules.spec.ts checks them against declarations/trip-kind.ts).
export type TripKind = 'through' | 'transshipment' | 'tractor_swap' | 'empty' | 'delivery_and_return';
export type HandoverRole = 'delivering' | 'receiving';
export type CargoRegime = 'standard' | 're_export' | 'temporary_import';
export const CONTAINER_SIZES_FEET = [20, 40, 45] as const;
export type ContainerSizeFeet = (typeof CONTAINER_SIZES_FEET)[number];

export const VEHICLE_CLASSES = ['VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6'] as const;
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];
/** In the order the rules try them (docs/fees.md): the first that applies is the goods category. */
export const GOODS_CATEGORIES = ['empty', 'farm', 're_export', 'temporary_import', 'general'] as const;
export type GoodsCategory = (typeof GOODS_CATEGORIES)[number];

/** Farm goods: perishable, or HS chapters 01 up to this one (animal, vegetable and food products). */
export const LAST_FARM_HS_CHAPTER = 24;

/** One fee schedule (a resolution of the province) as the rules read it; the tables of docs/fees.md. */
export interface FeeSchedule {
  id: string;
  /** YYYY-MM-DD: in force for declarations arriving on this day or later, until a later schedule. */
  validFrom: string;
  transshipmentPercent: number;
  domesticImportPercent: number;
  /** Each class below its limit (kg); the one class without a limit takes every heavier vehicle. */
  classes: readonly { vehicleClass: VehicleClass; belowKg: number | null }[];
  /** The least class a vehicle carrying a container of this size is charged as. */
  containerClasses: readonly { sizeFeet: ContainerSizeFeet; minClass: VehicleClass }[];
  rates: readonly { vehicleClass: VehicleClass; goodsCategory: GoodsCategory; amountVnd: number }[];
  exemptions: readonly { code: string; description: string }[];
}

/** What of a declaration the fee depends on. */
export interface FeeTrip {
  arrivalDay: string;
  direction: Direction;
  tripKind: TripKind;
  handoverRole: HandoverRole | null;
  cargoRegime: CargoRegime;
  vehicleTonnageKg: number | null;
  grossWeightKg: number;
  perishable: boolean;
  hsCode: string | null;
  containerSizesFeet: readonly (ContainerSizeFeet | null)[];
  feeExemptionCode: string | null;
}

export interface FeeQuote {
  scheduleId: string;
  vehicleClass: VehicleClass;
  /** The weight the class was read from: the vehicle's tonnage, else the declared gross weight. */
  weightBasisKg: number;
  goodsCategory: GoodsCategory;
  /** The schedule's amount for the class and goods, VND. */
  baseAmountVnd: number;
  percent: number;
  /** The schedule's exemption that applied (amount 0), or null. */
  exemptionCode: string | null;
  amountVnd: number;
}

/** Rule 1: the schedule with the latest valid_from on or before the arrival day; null before the first one. */
export function scheduleInForce<S extends Pick<FeeSchedule, 'validFrom'>>(
  schedules: readonly S[],
  day: string,
): S | null {
  let best: S | null = null;
  for (const s of schedules) if (s.validFrom <= day && (!best || s.validFrom > best.validFrom)) best = s;
  return best;
}

const rank = (c: VehicleClass): number => VEHICLE_CLASSES.indexOf(c);

/** Rule 2: the class by the weight basis, raised by the largest container carried. */
export function vehicleClassOf(
  schedule: Pick<FeeSchedule, 'classes' | 'containerClasses'>,
  weightBasisKg: number,
  containerSizesFeet: readonly (ContainerSizeFeet | null)[] = [],
): VehicleClass {
  const limited = schedule.classes
    .filter((c) => c.belowKg !== null)
    .sort((a, b) => (a.belowKg as number) - (b.belowKg as number));
  const open = schedule.classes.find((c) => c.belowKg === null);
  let vehicleClass = limited.find((c) => weightBasisKg < (c.belowKg as number))?.vehicleClass ?? open?.vehicleClass;
  if (!vehicleClass) throw new Error(`fee schedule without a class for ${weightBasisKg} kg`);
  for (const size of containerSizesFeet) {
    const min = schedule.containerClasses.find((c) => c.sizeFeet === size)?.minClass;
    if (min && rank(min) > rank(vehicleClass)) vehicleClass = min;
  }
  return vehicleClass;
}

/** The HS chapter (first two digits) of a code, or null. */
function hsChapter(hsCode: string | null): number | null {
  return hsCode && /^[0-9]{2}/.test(hsCode) ? Number(hsCode.slice(0, 2)) : null;
}

/** Rule 3: the first category that applies. */
export function goodsCategoryOf(
  trip: Pick<FeeTrip, 'tripKind' | 'handoverRole' | 'grossWeightKg' | 'perishable' | 'hsCode' | 'cargoRegime'>,
): GoodsCategory {
  if (trip.tripKind === 'empty' || trip.grossWeightKg === 0) return 'empty';
  // The tractor taking over pulls a trailer whose load was charged to the delivering leg.
  if (trip.tripKind === 'tractor_swap' && trip.handoverRole === 'receiving') return 'empty';
  const chapter = hsChapter(trip.hsCode);
  if (trip.perishable || (chapter !== null && chapter <= LAST_FARM_HS_CHAPTER)) return 'farm';
  if (trip.cargoRegime === 're_export') return 're_export';
  if (trip.cargoRegime === 'temporary_import') return 'temporary_import';
  return 'general';
}

/** Rule 4: transshipment (both legs) at its percent; goods entering the domestic market at theirs; else 100. */
export function percentOf(
  schedule: Pick<FeeSchedule, 'transshipmentPercent' | 'domesticImportPercent'>,
  trip: Pick<FeeTrip, 'tripKind' | 'direction' | 'cargoRegime'>,
  goodsCategory: GoodsCategory,
): number {
  if (trip.tripKind === 'transshipment') return schedule.transshipmentPercent;
  if (trip.direction === 'import' && trip.cargoRegime === 'standard' && goodsCategory !== 'empty') {
    return schedule.domesticImportPercent;
  }
  return 100;
}

/**
 * The fee of one trip under the schedule in force on its arrival day (rules 1–6 of docs/fees.md), or null when
 * no schedule was in force yet. The SQL the yard's queue, the claim and the fee step use
 * (fees.repository.ts, feeQuoteJoin) is the same rules; test/officer-answers.test.ts holds the two together.
 */
export function quoteFee(schedules: readonly FeeSchedule[], trip: FeeTrip): FeeQuote | null {
  const schedule = scheduleInForce(schedules, trip.arrivalDay);
  if (!schedule) return null;
  const weightBasisKg = trip.vehicleTonnageKg ?? trip.grossWeightKg;
  const vehicleClass = vehicleClassOf(schedule, weightBasisKg, trip.containerSizesFeet);
  const goodsCategory = goodsCategoryOf(trip);
  const rate = schedule.rates.find((r) => r.vehicleClass === vehicleClass && r.goodsCategory === goodsCategory);
  if (!rate) throw new Error(`fee schedule ${schedule.id} has no rate for ${vehicleClass}/${goodsCategory}`);
  const percent = percentOf(schedule, trip, goodsCategory);
  const exemption =
    trip.feeExemptionCode === null ? undefined : schedule.exemptions.find((e) => e.code === trip.feeExemptionCode);
  return {
    scheduleId: schedule.id,
    vehicleClass,
    weightBasisKg,
    goodsCategory,
    baseAmountVnd: rate.amountVnd,
    percent,
    exemptionCode: exemption ? exemption.code : null,
    amountVnd: exemption ? 0 : Math.round((rate.amountVnd * percent) / 100),
  };
}
