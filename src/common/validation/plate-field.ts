import { DomainError } from '../errors/domain-error.js';
import { PlateNumber, PlateNumberError } from '../identifiers/plate-number.js';

/** Runs a plate parse; a refused plate becomes a 400 naming the field, with the plate rule's own code. */
export function asPlateField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PlateNumberError) throw DomainError.invalidField(field, `${error.message} (${error.code})`);
    throw error;
  }
}

/** The canonical plate of `raw`, or a 400 naming `field`. */
export function canonicalPlateField(raw: string, field = 'plate'): string {
  return asPlateField(field, () => PlateNumber.parse(raw).value);
}
