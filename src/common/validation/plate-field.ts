import { DomainError } from '../errors/domain-error.js';
import { type Message, msg } from '../i18n/message.js';
import { PlateNumber, PlateNumberError } from '../identifiers/plate-number.js';

/** A refused plate as a field problem: what is wrong, then the rule's code. */
export function plateProblem(error: PlateNumberError): Message {
  return msg('field.plate', { problem: error.text, code: error.code });
}

/** Runs a plate parse; a refused plate becomes a 400 naming the field, with the plate rule's own code. */
export function asPlateField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PlateNumberError) throw DomainError.invalidField(field, plateProblem(error));
    throw error;
  }
}

/** The canonical plate of `raw`, or a 400 naming `field`. */
export function canonicalPlateField(raw: string, field = 'plate'): string {
  return asPlateField(field, () => PlateNumber.parse(raw).value);
}
