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
import {
  CARGO_REGIMES,
  CONTAINER_SIZES_FEET,
  HANDOVER_KINDS,
  HANDOVER_ROLES,
  TRIP_KINDS,
} from '../../../src/modules/declarations/trip-kind';
import { UUID_PATTERN } from '../../../src/common/validation/uuid';

/** Each field of a declaration: its path in the API's body (and its error details) and its CSV column. */
export const FIELDS = [
  { path: 'gate', column: 'gate', required: true },
  { path: 'direction', column: 'direction', required: true },
  { path: 'expectedArrivalAt', column: 'expected_arrival_at', required: true },
  { path: 'slotStart', column: 'slot_start', required: false },
  { path: 'tripKind', column: 'trip_kind', required: false },
  { path: 'handover.role', column: 'handover_role', required: false },
  { path: 'handover.linkedDeclarationId', column: 'handover_linked_declaration_id', required: false },
  { path: 'vehicle.plate', column: 'vehicle_plate', required: true },
  { path: 'vehicle.nationality', column: 'vehicle_nationality', required: true },
  { path: 'vehicle.trailerPlate', column: 'vehicle_trailer_plate', required: false },
  { path: 'vehicle.tonnageKg', column: 'vehicle_tonnage_kg', required: false },
  { path: 'vehicle.twoWayTransport', column: 'vehicle_two_way_transport', required: false },
  { path: 'vehicle.containers.0.number', column: 'vehicle_container_1_number', required: false },
  { path: 'vehicle.containers.0.sizeFeet', column: 'vehicle_container_1_size_feet', required: false },
  { path: 'vehicle.containers.1.number', column: 'vehicle_container_2_number', required: false },
  { path: 'vehicle.containers.1.sizeFeet', column: 'vehicle_container_2_size_feet', required: false },
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
  { path: 'cargo.regime', column: 'cargo_regime', required: false },
  { path: 'feeExemptionCode', column: 'fee_exemption_code', required: false },
] as const;

export type FieldPath = (typeof FIELDS)[number]['path'];
export type FormValues = Record<FieldPath, string>;
export type Problems = Partial<Record<FieldPath, string>>;

export const NATIONALITIES = ['VN', 'CN'] as const;
export { CARGO_REGIMES, CONTAINER_SIZES_FEET, HANDOVER_ROLES, TRIP_KINDS };

/** Older CSV files name their one container `vehicle_container_number`: read as the first container. */
export const COLUMN_ALIASES: Readonly<Record<string, FieldPath>> = {
  vehicle_container_number: 'vehicle.containers.0.number',
};

/** The two containers' fields, by position. */
export const CONTAINER_FIELDS = [
  { number: 'vehicle.containers.0.number', sizeFeet: 'vehicle.containers.0.sizeFeet' },
  { number: 'vehicle.containers.1.number', sizeFeet: 'vehicle.containers.1.sizeFeet' },
] as const satisfies readonly { number: FieldPath; sizeFeet: FieldPath }[];

/** Whether a kind of trip is made of two vehicles (a handover between them). */
export function isHandoverKind(kind: string): boolean {
  return (HANDOVER_KINDS as readonly string[]).includes(kind);
}

export interface DeclarationBody {
  gate: string;
  direction: string;
  /** Left out when a slot is booked and no arrival is given: the arrival is then the slot's start. */
  expectedArrivalAt?: string;
  /** The booked arrival hour (a whole hour). */
  slotStart?: string;
  tripKind: string;
  handover?: { role: string; linkedDeclarationId?: string };
  feeExemptionCode?: string;
  vehicle: {
    plate: string;
    nationality: string;
    trailerPlate?: string;
    containers: { number: string; sizeFeet?: number }[];
    tonnageKg?: number;
    twoWayTransport: boolean;
  };
  driver: { fullName: string; documentNumber: string; nationality: string; phone?: string };
  cargo: {
    description: string;
    hsCode?: string;
    grossWeightKg: number;
    perishable: boolean;
    customsDeclarationNumber?: string;
    quarantineRequired?: boolean;
    regime: string;
  };
}

export function emptyValues(): FormValues {
  const values = Object.fromEntries(FIELDS.map((f) => [f.path, ''])) as FormValues;
  return {
    ...values,
    gate: 'HUU_NGHI',
    direction: 'export',
    tripKind: 'through',
    'handover.role': 'delivering',
    'vehicle.nationality': 'VN',
    'vehicle.twoWayTransport': 'false',
    'cargo.regime': 'standard',
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
  const tripKind = values.tripKind.trim().toLowerCase() || 'through';
  const tonnage = optional('vehicle.tonnageKg');
  const exemption = optional('feeExemptionCode');
  const slot = optional('slotStart');
  const arrival = optional('expectedArrivalAt');
  return {
    gate: values.gate.trim().toUpperCase(),
    direction: values.direction.trim().toLowerCase(),
    // Booked without an arrival: the API takes the slot's start as the arrival.
    expectedArrivalAt: arrival === undefined && slot !== undefined ? undefined : arrivalIso(values.expectedArrivalAt),
    slotStart: slot === undefined ? undefined : arrivalIso(slot),
    tripKind,
    // The handover's fields are asked only for the kinds made of two vehicles; the other kinds leave them out.
    handover: isHandoverKind(tripKind)
      ? {
          role: values['handover.role'].trim().toLowerCase(),
          linkedDeclarationId: optional('handover.linkedDeclarationId')?.toLowerCase(),
        }
      : undefined,
    feeExemptionCode: exemption?.toUpperCase(),
    vehicle: {
      plate: values['vehicle.plate'].trim(),
      nationality: values['vehicle.nationality'].trim().toUpperCase(),
      trailerPlate: optional('vehicle.trailerPlate'),
      containers: CONTAINER_FIELDS.filter((c) => values[c.number].trim() !== '').map((c) => ({
        number: values[c.number].trim(),
        sizeFeet: optional(c.sizeFeet) === undefined ? undefined : Number(values[c.sizeFeet].trim()),
      })),
      tonnageKg: tonnage === undefined ? undefined : Number(tonnage),
      twoWayTransport: yes(values['vehicle.twoWayTransport']),
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
      regime: values['cargo.regime'].trim().toLowerCase() || 'standard',
    },
  };
}

/** What valuesOf reads of a declaration the API answered. */
export interface AnsweredDeclaration {
  gate: string;
  direction: string;
  expectedArrivalAt: string;
  slot?: { start: string; end: string } | null;
  tripKind?: string;
  handover?: { role: string; linkedDeclarationId: string | null } | null;
  feeExemptionCode?: string | null;
  vehicle: {
    plateDisplay: string;
    nationality: string;
    trailerPlate: string | null;
    containerNumber: string | null;
    containers?: { number: string; sizeFeet: number | null }[];
    tonnageKg?: number | null;
    twoWayTransport?: boolean;
  };
  driver: { fullName: string; documentNumber: string; nationality: string; phone: string | null };
  cargo: {
    description: string;
    hsCode: string | null;
    grossWeightKg: number;
    perishable: boolean;
    customsDeclarationNumber: string | null;
    quarantineRequired: boolean;
    regime?: string;
  };
}

/** A declaration the API answered, as values of the form (for amending it). */
export function valuesOf(d: AnsweredDeclaration): FormValues {
  const containers =
    d.vehicle.containers ?? (d.vehicle.containerNumber ? [{ number: d.vehicle.containerNumber, sizeFeet: null }] : []);
  const container = (index: number, part: 'number' | 'sizeFeet'): string => {
    const value = containers[index]?.[part];
    return value === null || value === undefined ? '' : String(value);
  };
  return {
    gate: d.gate,
    direction: d.direction,
    expectedArrivalAt: localInput(d.expectedArrivalAt),
    slotStart: d.slot?.start ?? '',
    tripKind: d.tripKind ?? 'through',
    'handover.role': d.handover?.role ?? 'delivering',
    'handover.linkedDeclarationId': d.handover?.linkedDeclarationId ?? '',
    'vehicle.plate': d.vehicle.plateDisplay,
    'vehicle.nationality': d.vehicle.nationality,
    'vehicle.trailerPlate': d.vehicle.trailerPlate ?? '',
    'vehicle.tonnageKg': d.vehicle.tonnageKg ? String(d.vehicle.tonnageKg) : '',
    'vehicle.twoWayTransport': String(d.vehicle.twoWayTransport ?? false),
    'vehicle.containers.0.number': container(0, 'number'),
    'vehicle.containers.0.sizeFeet': container(0, 'sizeFeet'),
    'vehicle.containers.1.number': container(1, 'number'),
    'vehicle.containers.1.sizeFeet': container(1, 'sizeFeet'),
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
    'cargo.regime': d.cargo.regime ?? 'standard',
    feeExemptionCode: d.feeExemptionCode ?? '',
  };
}

/** The example row of the CSV template, by column. */
export const TEMPLATE_EXAMPLE: Readonly<Record<string, string>> = {
  gate: 'HUU_NGHI',
  direction: 'export',
  expected_arrival_at: '2026-12-08 08:00',
  trip_kind: 'through',
  vehicle_plate: '12C-123.45',
  vehicle_nationality: 'VN',
  vehicle_trailer_plate: '12R-012.34',
  vehicle_tonnage_kg: '20000',
  vehicle_two_way_transport: 'false',
  vehicle_container_1_number: 'CSQU3054383',
  vehicle_container_1_size_feet: '40',
  driver_full_name: 'Nguyễn Văn An',
  driver_document_number: '020090001234',
  driver_nationality: 'VN',
  driver_phone: '+84912345678',
  cargo_description: 'Fresh dragon fruit',
  cargo_hs_code: '08109050',
  cargo_gross_weight_kg: '18000',
  cargo_perishable: 'true',
  cargo_customs_declaration_number: '305123456789',
  cargo_quarantine_required: 'false',
  cargo_regime: 'standard',
};

/**
 * A row's values: each field from its column (an older column name read as its field, when the newer one is
 * blank); a column left out, or a blank cell, of a field with a default (kind of trip, regime) takes the default.
 */
export function rowValues(columns: readonly string[], cells: readonly string[]): FormValues {
  const cell = (column: string): string => {
    const at = columns.indexOf(column);
    return at >= 0 ? (cells[at] ?? '').trim() : '';
  };
  const defaults = emptyValues();
  const values = Object.fromEntries(FIELDS.map((f) => [f.path, cell(f.column)])) as FormValues;
  for (const [column, path] of Object.entries(COLUMN_ALIASES)) values[path] ||= cell(column);
  for (const path of ['tripKind', 'cargo.regime'] as const) values[path] ||= defaults[path];
  return values;
}

// Anything but whitespace, format characters and code points that render as nothing (the API's HasText).
const VISIBLE = /[^\s\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const MAX_LENGTH: Partial<Record<FieldPath, number>> = {
  'vehicle.plate': 32,
  'vehicle.trailerPlate': 32,
  'vehicle.containers.0.number': 13,
  'vehicle.containers.1.number': 13,
  'handover.linkedDeclarationId': 36,
  feeExemptionCode: 40,
  'driver.fullName': 120,
  'driver.documentNumber': 18,
  'driver.phone': 16,
  'cargo.description': 500,
};
const ARRIVAL_DAYS = 366;
const HOUR_MS = 3_600_000;
// The API's pattern of a claimed exemption (written in upper case; the form upper-cases what is typed).
const EXEMPTION_CODE = /^[A-Z][A-Z0-9_]+$/;

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
  // A booked slot stands for the arrival: the API then takes the slot's start.
  if (value === '' && path === 'expectedArrivalAt' && body.slotStart !== undefined) return null;
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
    case 'slotStart': {
      const at = WITH_OFFSET.test(body.slotStart ?? '') ? Date.parse(body.slotStart ?? '') : NaN;
      if (Number.isNaN(at)) return msg('field.timestampNear', { days: ARRIVAL_DAYS });
      if (at % HOUR_MS !== 0) return msg('field.slotWholeHour');
      return at + HOUR_MS <= now ? msg('field.slotPast') : null;
    }
    case 'expectedArrivalAt': {
      const given = body.expectedArrivalAt ?? '';
      const at = WITH_OFFSET.test(given) ? Date.parse(given) : NaN;
      return Number.isNaN(at) || Math.abs(at - now) > ARRIVAL_DAYS * 86_400_000
        ? msg('field.timestampNear', { days: ARRIVAL_DAYS })
        : null;
    }
    case 'vehicle.plate':
      return plateMessage(value, 'vehicle');
    case 'vehicle.trailerPlate':
      return plateMessage(value, 'trailer');
    case 'vehicle.containers.0.number':
    case 'vehicle.containers.1.number':
      return isValidIso6346(normaliseContainerNumber(value)) ? null : msg('field.containerNumber');
    case 'vehicle.containers.0.sizeFeet':
    case 'vehicle.containers.1.sizeFeet':
      return (CONTAINER_SIZES_FEET as readonly number[]).includes(Number(value))
        ? null
        : msg('field.oneOf', { allowed: CONTAINER_SIZES_FEET.map(String) });
    case 'vehicle.tonnageKg': {
      const kg = body.vehicle.tonnageKg ?? NaN;
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(kg)) return msg('field.notInteger');
      if (kg < 1) return msg('field.min', { min: 1 });
      return kg > 100_000 ? msg('field.max', { max: 100_000 }) : null;
    }
    case 'tripKind':
      return (TRIP_KINDS as readonly string[]).includes(body.tripKind)
        ? null
        : msg('field.oneOf', { allowed: TRIP_KINDS });
    case 'handover.role':
      return (HANDOVER_ROLES as readonly string[]).includes(value.toLowerCase())
        ? null
        : msg('field.oneOf', { allowed: HANDOVER_ROLES });
    case 'handover.linkedDeclarationId':
      return UUID_PATTERN.test(value) ? null : msg('field.uuid');
    case 'cargo.regime':
      return (CARGO_REGIMES as readonly string[]).includes(body.cargo.regime)
        ? null
        : msg('field.oneOf', { allowed: CARGO_REGIMES });
    case 'feeExemptionCode':
      return EXEMPTION_CODE.test(body.feeExemptionCode ?? '')
        ? null
        : msg('field.pattern', { pattern: String(EXEMPTION_CODE) });
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
    case 'vehicle.twoWayTransport':
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
  const asked = new Set(only);
  for (const path of only) {
    if (!isAsked(path, values)) continue;
    const message = fieldMessage(path, values[path], body, now);
    if (message) problems[path] = renderMessage(language, message);
  }
  for (const [path, message] of tripMessages(values, body)) {
    if (asked.has(path) && !problems[path]) problems[path] = renderMessage(language, message);
  }
  return problems;
}

/** Whether the form asks for a field with these values: the handover's only on the kinds made of two vehicles. */
export function isAsked(path: FieldPath, values: FormValues): boolean {
  if (path === 'handover.role') return isHandoverKind(values.tripKind.trim().toLowerCase());
  if (path === 'handover.linkedDeclarationId') {
    // The receiving vehicle names the delivering one; a value given for the delivering one is shown to be refused.
    return (
      isHandoverKind(values.tripKind.trim().toLowerCase()) &&
      (values['handover.role'].trim().toLowerCase() === 'receiving' || values[path].trim() !== '')
    );
  }
  return true;
}

/**
 * The checks across fields the API makes about the kind of trip, with its words (trip-input.ts and
 * declaration-input.ts): the handover's role and link, an empty trip weighing 0, a tractor swap naming its
 * trailer; and a container's size only with its number, no container twice.
 */
function tripMessages(values: FormValues, body: DeclarationBody): [FieldPath, Message][] {
  const found: [FieldPath, Message][] = [];
  const kind = body.tripKind;
  const handover = body.handover;
  if (handover) {
    if (handover.role === '') found.push(['handover.role', msg('field.handoverRequired', { kind })]);
    if (handover.role === 'receiving' && !handover.linkedDeclarationId) {
      found.push(['handover.linkedDeclarationId', msg('field.linkRequired')]);
    }
    if (handover.role === 'delivering' && handover.linkedDeclarationId) {
      found.push(['handover.linkedDeclarationId', msg('field.linkNotForDelivering')]);
    }
  }
  if (body.slotStart && body.expectedArrivalAt) {
    // Both given: the arrival must lie within the booked hour (the API's rule, on the slot's field).
    const slot = Date.parse(body.slotStart);
    const arrival = Date.parse(body.expectedArrivalAt);
    if (!Number.isNaN(slot) && !Number.isNaN(arrival) && (arrival < slot || arrival >= slot + HOUR_MS)) {
      found.push(['slotStart', msg('field.arrivalOutsideSlot')]);
    }
  }
  if (kind === 'empty' && values['cargo.grossWeightKg'].trim() !== '' && body.cargo.grossWeightKg !== 0) {
    found.push(['cargo.grossWeightKg', msg('field.emptyTripGoods')]);
  }
  if (kind === 'tractor_swap' && !body.vehicle.trailerPlate) {
    found.push(['vehicle.trailerPlate', msg('field.trailerForSwap')]);
  }
  for (const c of CONTAINER_FIELDS) {
    if (values[c.number].trim() === '' && values[c.sizeFeet].trim() !== '')
      found.push([c.number, msg('field.required')]);
  }
  const [first, second] = CONTAINER_FIELDS.map((c) => normaliseContainerNumber(values[c.number].trim()));
  if (first && first === second) found.push([CONTAINER_FIELDS[1].number, msg('field.containerTwice')]);
  return found;
}

/** Fields the API names that the form shows elsewhere: the whole handover under its role, the list under its first container. */
const SERVER_ALIASES: Readonly<Record<string, FieldPath>> = {
  handover: 'handover.role',
  'vehicle.containers': 'vehicle.containers.0.number',
  'vehicle.containerNumber': 'vehicle.containers.0.number',
  'vehicle.containers.0': 'vehicle.containers.0.number',
  'vehicle.containers.1': 'vehicle.containers.1.number',
};

/** The API's field problems (`details[]` of REQUEST.VALIDATION_FAILED) by field; the rest under `other`. */
export function serverProblems(details: unknown): { problems: Problems; other: string[] } {
  const problems: Problems = {};
  const other: string[] = [];
  if (!Array.isArray(details)) return { problems, other };
  for (const item of details as unknown[]) {
    const { field, message } = (item ?? {}) as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const path = typeof field === 'string' ? (SERVER_ALIASES[field] ?? field) : field;
    const known = FIELDS.find((f) => f.path === path);
    if (known) problems[known.path] = message;
    else other.push(typeof field === 'string' && field ? `${field}: ${message}` : message);
  }
  return { problems, other };
}

/** Plate problems already name the plate; every other problem reads after the field's name. */
export function namesItsField(problem: string): boolean {
  return /\(PLATE\.[A-Z_]+\)|（PLATE\.[A-Z_]+）/.test(problem);
}
