import { type AuditChain, type ChainedFields, jsonbReasons } from './audit-chain.js';
import type { SeedCompany } from './companies.js';
import type { AuditRecord, DeclarationRecord } from './history.js';
import type { StepState } from './journey-types.js';
import type { SeedOfficer } from './staff.js';

/** Columns in the order the row encoders below write them. */
export const COLUMNS = {
  company: ['id', 'name', 'tax_code', 'created_at'],
  officer: ['id', 'username', 'password_hash', 'agency', 'gates', 'created_at'],
  declaration: [
    'id',
    'reference',
    'company_id',
    'gate_code',
    'direction',
    'status',
    'version',
    'plate',
    'plate_short',
    'vehicle_nationality',
    'trailer_plate',
    'container_number',
    'expected_arrival_at',
    'arrival_day',
    'driver_full_name',
    'driver_document_number',
    'driver_document_kind',
    'driver_nationality',
    'driver_phone',
    'cargo_description',
    'cargo_hs_code',
    'cargo_gross_weight_kg',
    'cargo_perishable',
    'cargo_customs_declaration_number',
    'cargo_quarantine_required',
    'reasons',
    'screening_state',
    'arrived_at',
    'exited_at',
    'exit_destination',
    'created_at',
    'updated_at',
  ],
  clearance_step: [
    'id',
    'declaration_id',
    'gate_code',
    'agency',
    'kind',
    'stage',
    'status',
    'priority',
    'ready_at',
    'claimed_by',
    'claimed_at',
    'claim_expires_at',
    'decided_by',
    'decided_at',
    'note',
    'fee_amount_vnd',
    'fee_vehicle_class',
    'payment_reference',
    'version',
    'created_at',
  ],
  declaration_event: [
    'seq',
    'declaration_id',
    'gate_code',
    'action',
    'from_status',
    'to_status',
    'actor',
    'agency',
    'step_id',
    'note',
    'reasons',
    'at',
    'prev_hash',
    'hash',
  ],
} as const;

/** Officers seeded for history only: no password verifies against this (verifyPassword rejects the encoding). */
export const UNUSABLE_PASSWORD_HASH = '!seeded';

type Cell = string | number | boolean | null;
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function cell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

export function copyLine(values: readonly Cell[]): string {
  return values.map(cell).join('\t') + '\n';
}

const time = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

export function companyLine(c: SeedCompany, createdAt: number): string {
  return copyLine([c.id, c.name, c.taxCode, time(createdAt)]);
}

export function officerLine(o: SeedOfficer, createdAt: number): string {
  return copyLine([o.id, o.username, UNUSABLE_PASSWORD_HASH, o.agency, `{${o.gate}}`, time(createdAt)]);
}

export function declarationLine(d: DeclarationRecord): string {
  const s = d.state.declaration;
  return copyLine([
    d.id,
    d.reference,
    d.companyId,
    d.gate,
    d.direction,
    s.status,
    s.version,
    d.truck.plate,
    d.plateShort,
    d.truck.nationality,
    d.trailerPlate,
    d.cargo.containerNumber,
    time(d.expectedArrivalAt),
    d.arrivalDay,
    d.driver.fullName,
    d.driver.documentNumber,
    d.driver.documentKind,
    d.driver.nationality,
    d.driver.phone,
    d.cargo.description,
    d.cargo.hsCode,
    d.cargo.grossWeightKg,
    d.cargo.perishable,
    d.cargo.customsDeclarationNumber,
    d.cargo.quarantineRequired,
    jsonbReasons(s.reasons),
    s.screeningState,
    time(s.arrivedAt),
    time(s.exitedAt),
    s.exitDestination,
    time(d.createdAt),
    time(s.updatedAt),
  ]);
}

export function stepLine(declarationId: string, gate: string, s: StepState): string {
  return copyLine([
    s.id,
    declarationId,
    gate,
    s.agency,
    s.kind,
    s.stage,
    s.status,
    s.priority,
    time(s.readyAt),
    s.claimedBy,
    time(s.claimedAt),
    time(s.claimExpiresAt),
    s.decidedBy,
    time(s.decidedAt),
    s.note,
    s.feeAmountVnd,
    s.feeVehicleClass,
    s.paymentReference,
    s.version,
    time(s.createdAt),
  ]);
}

/** Chains the record (seq, prev_hash, hash) and encodes it; written out by hand, it is the hottest line here. */
export function auditLine(chain: AuditChain, r: AuditRecord): string {
  const e = r.event;
  const iso = new Date(e.at).toISOString();
  const fields: ChainedFields = {
    declarationId: r.declarationId,
    stepId: r.stepId,
    action: e.action,
    from: e.from,
    to: e.to,
    actor: e.actor,
    agency: e.agency,
    gate: r.gate,
    note: e.note,
    reasons: e.reasons,
    at: e.at,
  };
  const link = chain.append(fields, iso);
  const reasons = e.reasons ? cell(jsonbReasons(e.reasons)) : '\\N';
  return `${link.seq}\t${r.declarationId}\t${r.gate}\t${e.action}\t${e.from ?? '\\N'}\t${e.to ?? '\\N'}\t${e.actor}\t${e.agency ?? '\\N'}\t${r.stepId ?? '\\N'}\t${cell(e.note)}\t${reasons}\t${iso}\t\\\\x${link.prevHash.toString('hex')}\t\\\\x${link.hash.toString('hex')}\n`;
}
