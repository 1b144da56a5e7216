import { RESOLUTION_09_2025 } from '../../../migrations/1800520000000-FeeSchedules.js';
import {
  CARGO_REGIMES,
  CONTAINER_SIZES_FEET as DECLARED_SIZES,
  HANDOVER_ROLES,
  TRIP_KINDS,
} from '../declarations/trip-kind.js';
import {
  CONTAINER_SIZES_FEET,
  type FeeSchedule,
  type FeeTrip,
  GOODS_CATEGORIES,
  goodsCategoryOf,
  quoteFee,
  scheduleInForce,
  VEHICLE_CLASSES,
  vehicleClassOf,
} from './fee-rules.js';

const seeded: FeeSchedule = RESOLUTION_09_2025;

const trip = (over: Partial<FeeTrip> = {}): FeeTrip => ({
  arrivalDay: '2026-12-07',
  direction: 'export',
  tripKind: 'through',
  handoverRole: null,
  cargoRegime: 'standard',
  vehicleTonnageKg: null,
  grossWeightKg: 12_000,
  perishable: false,
  hsCode: '84713020',
  containerSizesFeet: [],
  feeExemptionCode: null,
  ...over,
});

describe('fee rules', () => {
  it("spell the declaration's kinds, roles, regimes and container sizes as declarations/trip-kind.ts does", () => {
    const kinds: FeeTrip['tripKind'][] = [...TRIP_KINDS];
    const roles: NonNullable<FeeTrip['handoverRole']>[] = [...HANDOVER_ROLES];
    const regimes: FeeTrip['cargoRegime'][] = [...CARGO_REGIMES];
    expect([kinds, roles, regimes]).toEqual([TRIP_KINDS, HANDOVER_ROLES, CARGO_REGIMES]);
    expect(CONTAINER_SIZES_FEET).toEqual(DECLARED_SIZES);
  });

  it('the seeded schedule has a rate for every class and goods category, and one open class', () => {
    for (const c of VEHICLE_CLASSES) {
      for (const g of GOODS_CATEGORIES) {
        expect(seeded.rates.filter((r) => r.vehicleClass === c && r.goodsCategory === g)).toHaveLength(1);
      }
    }
    expect(seeded.rates).toHaveLength(VEHICLE_CLASSES.length * GOODS_CATEGORIES.length);
    expect(seeded.classes.filter((c) => c.belowKg === null)).toEqual([{ vehicleClass: 'VT6', belowKg: null }]);
  });

  describe('rule 1: the schedule in force', () => {
    const older = { ...seeded, id: 'OLD', validFrom: '2025-01-01' };
    const newer = { ...seeded, id: 'NEW', validFrom: '2026-07-01' };
    it.each([
      ['2024-12-31', null],
      ['2025-01-01', 'OLD'],
      ['2026-06-30', 'OLD'],
      ['2026-07-01', 'NEW'],
      ['2030-01-01', 'NEW'],
    ])('on %s: %s', (day, id) => {
      expect(scheduleInForce([newer, older], day)?.id ?? null).toBe(id);
    });

    it('no schedule in force: no quote', () => {
      expect(quoteFee([seeded], trip({ arrivalDay: '2024-12-31' }))).toBeNull();
    });

    it('a later schedule changes the amount from its day on', () => {
      const dearer: FeeSchedule = {
        ...seeded,
        id: 'DEARER',
        validFrom: '2027-01-01',
        rates: seeded.rates.map((r) => ({ ...r, amountVnd: r.amountVnd * 2 })),
      };
      expect(quoteFee([seeded, dearer], trip({ arrivalDay: '2026-12-31' }))?.amountVnd).toBe(2_200_000);
      expect(quoteFee([seeded, dearer], trip({ arrivalDay: '2027-01-01' }))).toMatchObject({
        scheduleId: 'DEARER',
        amountVnd: 4_400_000,
      });
    });
  });

  describe('rule 2: the vehicle class', () => {
    it.each([
      [0, 'VT1'],
      [1_999, 'VT1'],
      [2_000, 'VT2'],
      [4_999, 'VT2'],
      [5_000, 'VT3'],
      [9_999, 'VT3'],
      [10_000, 'VT4'],
      [14_999, 'VT4'],
      [15_000, 'VT5'],
      [17_999, 'VT5'],
      [18_000, 'VT6'],
      [40_000, 'VT6'],
    ])('%i kg is %s', (kg, expected) => {
      expect(vehicleClassOf(seeded, kg)).toBe(expected);
    });

    it('reads the tonnage when declared, else the gross weight', () => {
      expect(quoteFee([seeded], trip({ grossWeightKg: 1_500, vehicleTonnageKg: null }))?.vehicleClass).toBe('VT1');
      expect(quoteFee([seeded], trip({ grossWeightKg: 1_500, vehicleTonnageKg: 20_000 }))).toMatchObject({
        vehicleClass: 'VT6',
        weightBasisKg: 20_000,
      });
      expect(quoteFee([seeded], trip({ grossWeightKg: 30_000, vehicleTonnageKg: 3_000 }))?.vehicleClass).toBe('VT2');
    });

    it('is raised by the largest container, never lowered', () => {
      expect(vehicleClassOf(seeded, 1_000, [20])).toBe('VT5');
      expect(vehicleClassOf(seeded, 1_000, [40])).toBe('VT6');
      expect(vehicleClassOf(seeded, 1_000, [45])).toBe('VT6');
      expect(vehicleClassOf(seeded, 1_000, [20, 40])).toBe('VT6');
      expect(vehicleClassOf(seeded, 1_000, [40, 20])).toBe('VT6');
      expect(vehicleClassOf(seeded, 30_000, [20])).toBe('VT6');
      expect(vehicleClassOf(seeded, 1_000, [null])).toBe('VT1');
      expect(vehicleClassOf(seeded, 16_000, [null, 20])).toBe('VT5');
    });
  });

  describe('rule 3: the goods category, first that applies', () => {
    const base = {
      tripKind: 'through',
      handoverRole: null,
      grossWeightKg: 10_000,
      perishable: false,
      hsCode: '84713020',
      cargoRegime: 'standard',
    } as const;
    it.each([
      ['an empty trip', { tripKind: 'empty', grossWeightKg: 0 }, 'empty'],
      ['an empty trip even with goods declared', { tripKind: 'empty', perishable: true }, 'empty'],
      ['0 kg', { grossWeightKg: 0, perishable: true, cargoRegime: 're_export' }, 'empty'],
      [
        'the receiving tractor of a swap',
        { tripKind: 'tractor_swap', handoverRole: 'receiving', perishable: true },
        'empty',
      ],
      ['the delivering tractor of a swap', { tripKind: 'tractor_swap', handoverRole: 'delivering' }, 'general'],
      ['the receiving vehicle of a transshipment', { tripKind: 'transshipment', handoverRole: 'receiving' }, 'general'],
      ['perishable', { perishable: true, hsCode: null }, 'farm'],
      ['HS chapter 01', { hsCode: '01012100' }, 'farm'],
      ['HS chapter 24', { hsCode: '24022090' }, 'farm'],
      ['HS chapter 25', { hsCode: '25010010' }, 'general'],
      ['farm before re-export', { hsCode: '08109094', cargoRegime: 're_export' }, 'farm'],
      ['re-export', { cargoRegime: 're_export' }, 're_export'],
      ['temporary import', { cargoRegime: 'temporary_import' }, 'temporary_import'],
      ['no HS code', { hsCode: null }, 'general'],
      ['an HS code not beginning with two digits', { hsCode: 'X1' }, 'general'],
    ] as const)('%s: %s', (_, over, expected) => {
      expect(goodsCategoryOf({ ...base, ...over })).toBe(expected);
    });
  });

  describe('rule 4: the percent', () => {
    it.each([
      ['export', {}, 100],
      ['standard import', { direction: 'import' }, 130],
      ['empty import', { direction: 'import', tripKind: 'empty', grossWeightKg: 0 }, 100],
      ['re-export import', { direction: 'import', cargoRegime: 're_export' }, 100],
      ['temporary import', { direction: 'import', cargoRegime: 'temporary_import' }, 100],
      [
        'transshipment import, delivering',
        { direction: 'import', tripKind: 'transshipment', handoverRole: 'delivering' },
        30,
      ],
      ['transshipment export, receiving', { tripKind: 'transshipment', handoverRole: 'receiving' }, 30],
      [
        'transshipment of an empty receiving vehicle',
        { tripKind: 'transshipment', handoverRole: 'receiving', grossWeightKg: 0 },
        30,
      ],
      [
        'tractor swap import, delivering',
        { direction: 'import', tripKind: 'tractor_swap', handoverRole: 'delivering' },
        130,
      ],
      [
        'tractor swap import, receiving',
        { direction: 'import', tripKind: 'tractor_swap', handoverRole: 'receiving' },
        100,
      ],
      ['delivery and return import', { direction: 'import', tripKind: 'delivery_and_return' }, 130],
    ] as const)('%s: %i %%', (_, over, percent) => {
      expect(quoteFee([seeded], trip(over))?.percent).toBe(percent);
    });
  });

  describe('rules 5 and 6: exemption and rounding', () => {
    it('a listed exemption code: amount 0, the code recorded, the basis kept', () => {
      expect(quoteFee([seeded], trip({ direction: 'import', feeExemptionCode: 'EMERGENCY_RELIEF' }))).toEqual({
        scheduleId: 'LS-09-2025',
        vehicleClass: 'VT4',
        weightBasisKg: 12_000,
        goodsCategory: 'general',
        baseAmountVnd: 2_200_000,
        percent: 130,
        exemptionCode: 'EMERGENCY_RELIEF',
        amountVnd: 0,
      });
    });

    it('a code the schedule does not list is no exemption', () => {
      expect(quoteFee([seeded], trip({ feeExemptionCode: 'FRIEND_OF_THE_GATE' }))).toMatchObject({
        exemptionCode: null,
        amountVnd: 2_200_000,
      });
    });

    it('rounds to the nearest dong, halves up', () => {
      const odd: FeeSchedule = {
        ...seeded,
        transshipmentPercent: 33,
        rates: seeded.rates.map((r) => ({ ...r, amountVnd: 150 })),
      };
      // 150 × 33 / 100 = 49.5 → 50; 150 × 130 / 100 = 195.
      expect(quoteFee([odd], trip({ tripKind: 'transshipment', handoverRole: 'delivering' }))?.amountVnd).toBe(50);
      expect(quoteFee([odd], trip({ direction: 'import' }))?.amountVnd).toBe(195);
    });

    it('the seeded amounts DOMAIN.md names: a small vegetable export, a 40-ft container of re-exported farm goods', () => {
      expect(quoteFee([seeded], trip({ grossWeightKg: 1_800, perishable: true, hsCode: '07099990' }))?.amountVnd).toBe(
        100_000,
      );
      expect(
        quoteFee(
          [seeded],
          trip({ grossWeightKg: 25_000, hsCode: '08109094', cargoRegime: 're_export', containerSizesFeet: [40] }),
        )?.amountVnd,
      ).toBe(4_000_000);
    });
  });
});
