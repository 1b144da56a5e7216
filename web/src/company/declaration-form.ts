// The declaration's fields as the page edits them (text), checked with the server's own pure rules: the same
// identifiers, plate parser and messages as the API's validation, so the page and the API never disagree.
import { DIRECTIONS, GATE_CODES } from '../../../src/common/domain/gate-code';
import type { Language } from '../../../src/common/i18n/language';
import { type Message, msg, renderMessage } from '../../../src/common/i18n/message';
import {
  classifyDriverDocument,
  isValidCustomsDeclarationNumber,
  isValidE164Phone,
  isValidHsCode,
  isValidIso6346,
  normaliseContainerNumber,
  normaliseDocumentNumber,
} from '../../../src/common/identifiers/identifiers';
import { PlateNumber, PlateNumberError } from '../../../src/common/identifiers/plate-number';

/** Each field of a declaration: its path in the API's body (and its error details) and its CSV column. */
export const FIELDS = [
  { path: 'gate', column: 'gate', required: true },
  { path: 'direction', column: 'direction', required: true },
  { path: 'expectedArrivalAt', column: 'expected_arrival_at', required: true },
  { path: 'vehicle.plate', column: 'vehicle_plate', required: true },
  { path: 'vehicle.nationality', column: 'vehicle_nationality', required: true },
  { path: 'vehicle.trailerPlate', column: 'vehicle_trailer_plate', required: false },
  { path: 'vehicle.containerNumber', column: 'vehicle_container_number', required: false },
  { path: 'driver.fullName', column: 'driver_full_name', required: true },
  { path: 'driver.documentNumber', column: 'driver_document_number', required: true },
  { path: 'driver.nationality', column: 'driver_nationality', required: true },
  { path: 'driver.phone', column: 'driver_phone', required: false },
  { path: 'cargo.description', column: 'cargo_description', required: true },
  { path: 'cargo.hsCode', column: 'cargo_hs_code', required: false },
  { path: 'cargo.grossWeightKg', column: 'cargo_gross_weight_kg', required: true },
  { path: 'cargo.perishable', column: 'cargo_perishable', required: true },
  { path: 'cargo.customsDeclarationNumber', column: 'cargo_customs_declaration_number', required: false },
  { path: 'cargo.quarantineRequired', column: 'cargo_quarantine_required', required: false },
] as const;

export type FieldPath = (typeof FIELDS)[number]['path'];
export type FormValues = Record<FieldPath, string>;
export type Problems = Partial<Record<FieldPath, string>>;

export const NATIONALITIES = ['VN', 'CN'] as const;

export interface DeclarationBody {
  gate: string;
  direction: string;
  expectedArrivalAt: string;
  vehicle: { plate: string; nationality: string; trailerPlate?: string; containerNumber?: string };
  driver: { fullName: string; documentNumber: string; nationality: string; phone?: string };
  cargo: {
    description: string;
    hsCode?: string;
    grossWeightKg: number;
    perishable: boolean;
    customsDeclarationNumber?: string;
    quarantineRequired?: boolean;
  };
}

export function emptyValues(): FormValues {
  const values = Object.fromEntries(FIELDS.map((f) => [f.path, ''])) as FormValues;
  return {
    ...values,
    gate: 'HUU_NGHI',
    direction: 'export',
    'vehicle.nationality': 'VN',
    'driver.nationality': 'VN',
    'cargo.perishable': 'false',
    'cargo.quarantineRequired': 'false',
  };
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The arrival as the API takes it: a time written without an offset (the form's field, `2026-12-08 08:00` in a
 * CSV) is the gates' local time (UTC+7, no daylight saving); one with an offset is kept as written.
 */
export function arrivalIso(value: string): string {
  const trimmed = value.trim();
  const local = LOCAL_TIME.exec(trimmed);
  return local ? `${local[1]}T${local[2]}:${local[3] ?? '00'}+07:00` : trimmed;
}

/** The form's `datetime-local` value (gates' local time) of an instant. */
export function localInput(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return Number.isNaN(shifted.getTime()) ? '' : shifted.toISOString().slice(0, 16);
}

function yes(value: string): boolean {
  return ['true', '1', 'yes', 'x'].includes(value.trim().toLowerCase());
}

/** The API's body of the values: blanks left out, text trimmed, numbers and booleans typed. */
export function toBody(values: FormValues): DeclarationBody {
  const optional = (path: FieldPath): string | undefined => values[path].trim() || undefined;
  return {
    gate: values.gate.trim().toUpperCase(),
    direction: values.direction.trim().toLowerCase(),
    expectedArrivalAt: arrivalIso(values.expectedArrivalAt),
    vehicle: {
      plate: values['vehicle.plate'].trim(),
      nationality: values['vehicle.nationality'].trim().toUpperCase(),
      trailerPlate: optional('vehicle.trailerPlate'),
      containerNumber: optional('vehicle.containerNumber'),
    },
    driver: {
      fullName: values['driver.fullName'].trim(),
      documentNumber: values['driver.documentNumber'].trim(),
      nationality: values['driver.nationality'].trim().toUpperCase(),
      phone: optional('driver.phone'),
    },
    cargo: {
      description: values['cargo.description'].trim(),
      hsCode: optional('cargo.hsCode'),
      grossWeightKg: Number(values['cargo.grossWeightKg'].trim()),
      perishable: yes(values['cargo.perishable']),
      customsDeclarationNumber: optional('cargo.customsDeclarationNumber'),
      quarantineRequired: yes(values['cargo.quarantineRequired']),
    },
  };
}

/** A declaration the API answered, as values of the form (for amending it). */
export function valuesOf(d: {
  gate: string;
  direction: string;
  expectedArrivalAt: string;
  vehicle: { plateDisplay: string; nationality: string; trailerPlate: string | null; containerNumber: string | null };
  driver: { fullName: string; documentNumber: string; nationality: string; phone: string | null };
  cargo: {
    description: string;
    hsCode: string | null;
    grossWeightKg: number;
    perishable: boolean;
    customsDeclarationNumber: string | null;
    quarantineRequired: boolean;
  };
}): FormValues {
  return {
    gate: d.gate,
    direction: d.direction,
    expectedArrivalAt: localInput(d.expectedArrivalAt),
    'vehicle.plate': d.vehicle.plateDisplay,
    'vehicle.nationality': d.vehicle.nationality,
    'vehicle.trailerPlate': d.vehicle.trailerPlate ?? '',
    'vehicle.containerNumber': d.vehicle.containerNumber ?? '',
    'driver.fullName': d.driver.fullName,
    'driver.documentNumber': d.driver.documentNumber,
    'driver.nationality': d.driver.nationality,
    'driver.phone': d.driver.phone ?? '',
    'cargo.description': d.cargo.description,
    'cargo.hsCode': d.cargo.hsCode ?? '',
    'cargo.grossWeightKg': String(d.cargo.grossWeightKg),
    'cargo.perishable': String(d.cargo.perishable),
    'cargo.customsDeclarationNumber': d.cargo.customsDeclarationNumber ?? '',
    'cargo.quarantineRequired': String(d.cargo.quarantineRequired),
  };
}

// Anything but whitespace, format characters and code points that render as nothing (the API's HasText).
const VISIBLE = /[^\s\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const MAX_LENGTH: Partial<Record<FieldPath, number>> = {
  'vehicle.plate': 32,
  'vehicle.trailerPlate': 32,
  'vehicle.containerNumber': 11,
  'driver.fullName': 120,
  'driver.documentNumber': 18,
  'driver.phone': 16,
  'cargo.description': 500,
};
const ARRIVAL_DAYS = 366;

function plateMessage(value: string, kind: 'vehicle' | 'trailer'): Message | null {
  try {
    const plate = PlateNumber.parse(value);
    if (plate.kind !== kind) return msg(kind === 'trailer' ? 'field.notTrailerPlate' : 'field.trailerNotVehicle');
    return null;
  } catch (error) {
    if (error instanceof PlateNumberError) return msg('field.plate', { problem: error.text, code: error.code });
    throw error;
  }
}

function fieldMessage(path: FieldPath, raw: string, body: DeclarationBody, now: number): Message | null {
  const value = raw.trim();
  const field = FIELDS.find((f) => f.path === path);
  if (value === '') return field?.required ? msg('field.required') : null;
  const max = MAX_LENGTH[path];
  if (max !== undefined && value.length > max) return msg('field.maxLength', { max });
  switch (path) {
    case 'gate':
      return (GATE_CODES as readonly string[]).includes(body.gate) ? null : msg('field.oneOf', { allowed: GATE_CODES });
    case 'direction':
      return (DIRECTIONS as readonly string[]).includes(body.direction)
        ? null
        : msg('field.oneOf', { allowed: DIRECTIONS });
    case 'vehicle.nationality':
    case 'driver.nationality': {
      const given = path === 'vehicle.nationality' ? body.vehicle.nationality : body.driver.nationality;
      if (!(NATIONALITIES as readonly string[]).includes(given)) return msg('field.oneOf', { allowed: NATIONALITIES });
      if (path === 'vehicle.nationality') {
        const plate = PlateNumber.tryParse(body.vehicle.plate);
        if (plate && plate.country !== given) {
          return msg('field.nationalityMismatch', { given, country: plate.country });
        }
      }
      return null;
    }
    case 'expectedArrivalAt': {
      const at = WITH_OFFSET.test(body.expectedArrivalAt) ? Date.parse(body.expectedArrivalAt) : NaN;
      return Number.isNaN(at) || Math.abs(at - now) > ARRIVAL_DAYS * 86_400_000
        ? msg('field.timestampNear', { days: ARRIVAL_DAYS })
        : null;
    }
    case 'vehicle.plate':
      return plateMessage(value, 'vehicle');
    case 'vehicle.trailerPlate':
      return plateMessage(value, 'trailer');
    case 'vehicle.containerNumber':
      return isValidIso6346(normaliseContainerNumber(value)) ? null : msg('field.containerNumber');
    case 'driver.fullName':
    case 'cargo.description':
      return VISIBLE.test(value) ? null : msg('field.visibleText');
    case 'driver.documentNumber': {
      const nationality = body.driver.nationality;
      if (nationality !== 'VN' && nationality !== 'CN') return null;
      return classifyDriverDocument(nationality, normaliseDocumentNumber(value))
        ? null
        : msg(nationality === 'VN' ? 'field.documentVn' : 'field.documentCn');
    }
    case 'driver.phone':
      return isValidE164Phone(value) ? null : msg('field.phone');
    case 'cargo.hsCode':
      return isValidHsCode(value) ? null : msg('field.hsCode');
    case 'cargo.customsDeclarationNumber':
      return isValidCustomsDeclarationNumber(value) ? null : msg('field.customsDeclarationNumber');
    case 'cargo.grossWeightKg': {
      const kg = body.cargo.grossWeightKg;
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(kg)) return msg('field.notInteger');
      return kg > 100_000 ? msg('field.max', { max: 100_000 }) : null;
    }
    case 'cargo.perishable':
    case 'cargo.quarantineRequired':
      return ['true', 'false', '1', '0', 'yes', 'no', 'x'].includes(value.toLowerCase())
        ? null
        : msg('field.notBoolean');
  }
}

/**
 * What is wrong with each field, in `language`: the API's rules and the API's words. `only` limits the check to
 * some fields (amending leaves gate and direction alone).
 */
export function checkValues(
  values: FormValues,
  language: Language,
  now = Date.now(),
  only: readonly FieldPath[] = FIELDS.map((f) => f.path),
): Problems {
  const body = toBody(values);
  const problems: Problems = {};
  for (const path of only) {
    const message = fieldMessage(path, values[path], body, now);
    if (message) problems[path] = renderMessage(language, message);
  }
  return problems;
}

/** The API's field problems (`details[]` of REQUEST.VALIDATION_FAILED) by field; the rest under `other`. */
export function serverProblems(details: unknown): { problems: Problems; other: string[] } {
  const problems: Problems = {};
  const other: string[] = [];
  if (!Array.isArray(details)) return { problems, other };
  for (const item of details as unknown[]) {
    const { field, message } = (item ?? {}) as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const known = FIELDS.find((f) => f.path === field);
    if (known) problems[known.path] = message;
    else other.push(typeof field === 'string' && field ? `${field}: ${message}` : message);
  }
  return { problems, other };
}

/** Plate problems already name the plate; every other problem reads after the field's name. */
export function namesItsField(problem: string): boolean {
  return /\(PLATE\.[A-Z_]+\)|（PLATE\.[A-Z_]+）/.test(problem);
}
