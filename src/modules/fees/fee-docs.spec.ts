import { readFileSync } from 'node:fs';
import { RESOLUTION_09_2025 } from '../../../migrations/1800520000000-FeeSchedules.js';
import { type FeeTrip, quoteFee } from './fee-rules.js';

// docs/fees.md's worked examples, each as the trip its row describes (gross weights where the row gives only the
// tonnage are any plausible load: the tonnage sets the class).
const standard: Omit<FeeTrip, 'direction'> = {
  arrivalDay: '2026-12-07',
  tripKind: 'through',
  handoverRole: null,
  cargoRegime: 'standard',
  vehicleTonnageKg: null,
  grossWeightKg: 0,
  perishable: false,
  hsCode: null,
  containerSizesFeet: [],
  feeExemptionCode: null,
};
const EXAMPLES: Record<string, FeeTrip> = {
  'through-farm-export': {
    ...standard,
    direction: 'export',
    grossWeightKg: 1_800,
    perishable: true,
    hsCode: '07099990',
  },
  'through-container-reexport': {
    ...standard,
    direction: 'export',
    grossWeightKg: 25_000,
    hsCode: '08109094',
    cargoRegime: 're_export',
    containerSizesFeet: [40],
  },
  'through-general-import': {
    ...standard,
    direction: 'import',
    vehicleTonnageKg: 12_000,
    grossWeightKg: 9_000,
    hsCode: '84713020',
  },
  'empty-return': { ...standard, direction: 'import', tripKind: 'empty', vehicleTonnageKg: 15_000 },
  'transshipment-delivering': {
    ...standard,
    direction: 'import',
    tripKind: 'transshipment',
    handoverRole: 'delivering',
    vehicleTonnageKg: 30_000,
    grossWeightKg: 24_000,
    perishable: true,
    hsCode: '08109094',
  },
  'transshipment-receiving': {
    ...standard,
    direction: 'import',
    tripKind: 'transshipment',
    handoverRole: 'receiving',
    vehicleTonnageKg: 8_000,
    grossWeightKg: 6_000,
    perishable: true,
    hsCode: '08109094',
  },
  'tractor-swap-delivering': {
    ...standard,
    direction: 'export',
    tripKind: 'tractor_swap',
    handoverRole: 'delivering',
    vehicleTonnageKg: 20_000,
    grossWeightKg: 14_000,
    hsCode: '84713020',
    containerSizesFeet: [20],
  },
  'tractor-swap-receiving': {
    ...standard,
    direction: 'export',
    tripKind: 'tractor_swap',
    handoverRole: 'receiving',
    vehicleTonnageKg: 20_000,
    grossWeightKg: 14_000,
    hsCode: '84713020',
    containerSizesFeet: [20],
  },
  'delivery-and-return': {
    ...standard,
    direction: 'export',
    tripKind: 'delivery_and_return',
    cargoRegime: 'temporary_import',
    vehicleTonnageKg: 4_000,
    grossWeightKg: 3_000,
    hsCode: '73089099',
  },
  exempt: {
    ...standard,
    direction: 'export',
    vehicleTonnageKg: 4_000,
    grossWeightKg: 3_000,
    hsCode: '73089099',
    feeExemptionCode: 'EMERGENCY_RELIEF',
  },
};

/** The worked-examples table: id → the `fee VND` cell as a number. */
function documentedAmounts(): Map<string, number> {
  const doc = readFileSync(new URL('../../../docs/fees.md', import.meta.url), 'utf8');
  const lines = doc.split('\n');
  const header = lines.findIndex((l) => /^\|\s*id\s*\|\s*trip\s*\|/.test(l));
  expect(header).toBeGreaterThan(-1);
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  expect(cells(lines[header])).toEqual(['id', 'trip', 'leg', 'direction', 'vehicle', 'goods', 'regime', 'fee VND']);
  const rows = new Map<string, number>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    expect(row[7]).toMatch(/^\d{1,3}(,\d{3})*$/);
    rows.set(row[0], Number(row[7].replace(/,/g, '')));
  }
  return rows;
}

describe("docs/fees.md's worked examples", () => {
  const documented = documentedAmounts();

  it('list exactly the examples of the rules', () => {
    expect([...documented.keys()]).toEqual(Object.keys(EXAMPLES));
  });

  it.each(Object.entries(EXAMPLES))('%s costs what the doc says', (id, trip) => {
    expect(quoteFee([RESOLUTION_09_2025], trip)?.amountVnd).toBe(documented.get(id));
  });
});
