import { isoTime } from './calendar.js';
import type { BinaryCopyWriter } from './binary-copy.js';
import { type AuditChain, type ChainedFields, jsonbReasons } from './audit-chain.js';
import type { SeedCompany } from './companies.js';
import type { AuditRecord, DeclarationRecord } from './history.js';
import type { JourneyEvent, StepState } from './journey-types.js';
import type { SeedOfficer } from './staff.js';

/** Columns in the order the row encoders below write them. */
// prettier-ignore
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
    'timeline',
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

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Free text in COPY's text format: backslash, tab and line breaks escaped; `\N` for null. */
function text(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

const time = (t: number | null): string => (t === null ? '\\N' : isoTime(t));

export function companyLine(c: SeedCompany, createdAt: number): string {
  return `${c.id}\t${text(c.name)}\t${c.taxCode}\t${time(createdAt)}\n`;
}

export function officerLine(o: SeedOfficer, createdAt: number): string {
  return `${o.id}\t${o.username}\t${UNUSABLE_PASSWORD_HASH}\t${o.agency}\t{${o.gate}}\t${time(createdAt)}\n`;
}

export function declarationRow(w: BinaryCopyWriter, d: DeclarationRecord): void {
  const s = d.state.declaration;
  const { truck, driver, cargo } = d;
  w.row(COLUMNS.declaration.length)
    .uuid(d.id)
    .text(d.reference)
    .uuid(d.companyId)
    .text(d.gate)
    .text(d.direction)
    .text(s.status)
    .int4(s.version)
    .text(truck.plate)
    .text(d.plateShort)
    .text(truck.nationality)
    .text(d.trailerPlate)
    .text(cargo.containerNumber)
    .timestamptz(d.expectedArrivalAt)
    .date(d.arrivalDay)
    .text(driver.fullName)
    .text(driver.documentNumber)
    .text(driver.documentKind)
    .text(driver.nationality)
    .text(driver.phone)
    .text(cargo.description)
    .text(cargo.hsCode)
    .int4(cargo.grossWeightKg)
    .bool(cargo.perishable)
    .text(cargo.customsDeclarationNumber)
    .bool(cargo.quarantineRequired)
    .jsonb(jsonbReasons(s.reasons))
    .text(s.screeningState)
    .timestamptz(s.arrivedAt)
    .timestamptz(s.exitedAt)
    .text(s.exitDestination)
    .timestamptz(d.createdAt)
    .timestamptz(s.updatedAt)
    .jsonb(timelineJson(d.state.events));
}

/** `declaration.timeline`: every status move with its time to the millisecond, as transition() appends them. */
export function timelineJson(events: readonly JourneyEvent[]): string {
  const moves = events.filter((e) => e.action === 'transition');
  return `[${moves.map((e) => `{"at": "${isoTime(e.at)}", "status": "${e.to}"}`).join(', ')}]`;
}

export function stepRow(w: BinaryCopyWriter, declarationId: string, gate: string, s: StepState): void {
  w.row(COLUMNS.clearance_step.length)
    .uuid(s.id)
    .uuid(declarationId)
    .text(gate)
    .text(s.agency)
    .text(s.kind)
    .int4(s.stage)
    .text(s.status)
    .int4(s.priority)
    .timestamptz(s.readyAt)
    .uuid(s.claimedBy)
    .timestamptz(s.claimedAt)
    .timestamptz(s.claimExpiresAt)
    .uuid(s.decidedBy)
    .timestamptz(s.decidedAt)
    .text(s.note)
    .int8(s.feeAmountVnd)
    .text(s.feeVehicleClass)
    .text(s.paymentReference)
    .int4(s.version)
    .timestamptz(s.createdAt);
}

/** Chains the record (seq, prev_hash, hash) and encodes it. */
export function auditRow(w: BinaryCopyWriter, chain: AuditChain, r: AuditRecord): void {
  const e = r.event;
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
  const link = chain.append(fields);
  w.row(COLUMNS.declaration_event.length)
    .int8(link.seq)
    .uuid(r.declarationId)
    .text(r.gate)
    .text(e.action)
    .text(e.from)
    .text(e.to)
    .text(e.actor)
    .text(e.agency)
    .uuid(r.stepId)
    .text(e.note);
  if (e.reasons) w.jsonb(jsonbReasons(e.reasons));
  else w.null();
  w.timestamptz(e.at).bytea(link.prevHash).bytea(link.hash);
}
