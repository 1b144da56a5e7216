import { containerNumber, EXPORT_FRUIT, EXPORT_OTHER, IMPORT_GOODS } from '../seed-load/cargo.js';
import { driver } from '../seed-load/people.js';
import { cnTrailerPlate, cnTruckPlate, distinctPlates, vnTrailerPlate, vnTruckPlate } from '../seed-load/plates.js';
import { Random } from '../seed-load/random.js';
import type { Truck } from './arrivals.js';

/** What a truck's declaration says, as a company submits it (without the arrival, which the mode decides). */
export interface DeclarationDraft {
  gate: string;
  direction: string;
  tripKind: 'through' | 'empty';
  vehicle: { plate: string; nationality: 'VN' | 'CN'; trailerPlate?: string; containerNumber?: string };
  driver: { fullName: string; documentNumber: string; nationality: 'VN' | 'CN'; phone?: string };
  cargo: { description: string; hsCode?: string; grossWeightKg: number; perishable: boolean };
}

const IMPORT_FRESH = IMPORT_GOODS.filter((g) => g.perishable);
const IMPORT_OTHER = IMPORT_GOODS.filter((g) => !g.perishable);

/**
 * The declarations of the day's trucks: exports on Vietnamese trucks, imports on Chinese ones (as at the gates),
 * fruit for the perishable loads, nothing for the empty returns. Distinct plates; the same seed, the same fleet.
 */
export function declarationDrafts(trucks: readonly Truck[], seed: number): DeclarationDraft[] {
  const random = new Random(seed ^ 0x5eed);
  const vn = distinctPlates(trucks.length, () => vnTruckPlate(random));
  const cn = distinctPlates(trucks.length, () => cnTruckPlate(random));
  return trucks.map((t, i) => {
    const nationality = t.direction === 'export' ? 'VN' : 'CN';
    const goods = t.perishable
      ? random.pick(t.direction === 'export' ? EXPORT_FRUIT : IMPORT_FRESH)
      : random.pick(t.direction === 'export' ? EXPORT_OTHER : IMPORT_OTHER);
    const person = driver(random, nationality);
    const loaded = !t.emptyReturn;
    return {
      gate: t.gate,
      direction: t.direction,
      tripKind: loaded ? 'through' : 'empty',
      vehicle: {
        plate: nationality === 'VN' ? vn[i] : cn[i],
        nationality,
        trailerPlate: nationality === 'VN' ? vnTrailerPlate(random) : cnTrailerPlate(random),
        ...(loaded && random.chance(goods.containerShare) ? { containerNumber: containerNumber(random) } : {}),
      },
      driver: {
        fullName: person.fullName,
        documentNumber: person.documentNumber,
        nationality,
        ...(person.phone ? { phone: person.phone } : {}),
      },
      cargo: loaded
        ? {
            description: goods.description,
            hsCode: goods.hsCode,
            grossWeightKg: Math.round(random.between(goods.tonnes[0], goods.tonnes[1]) * 100) * 10,
            perishable: goods.perishable,
          }
        : { description: 'Xe rỗng / empty truck', grossWeightKg: 0, perishable: false },
    };
  });
}
