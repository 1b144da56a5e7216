import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { type DeclarationFields, fieldParams } from './declaration-input.js';
import {
  type DeclarationStatus,
  type ScreeningReason,
  type ScreeningState,
  type TimelineEntry,
  timelineEntrySql,
} from './declaration-status.js';

export interface NewDeclaration extends DeclarationFields {
  companyId: string;
  idempotencyKey: string;
  /** SHA-256 of the body as sent, to tell a replay from another request under the same key. */
  requestHash: string;
  gate: GateCode;
  direction: Direction;
}

export interface SubmittedDeclaration {
  id: string;
  reference: string;
  status: 'submitted';
  plate: string;
  gate: GateCode;
  direction: Direction;
  expectedArrivalAt: string;
  createdAt: string;
}

/** A declaration row as stored (snake_case columns, timestamps as Date). */
export interface DeclarationRow {
  id: string;
  reference: string;
  company_id: string;
  gate_code: GateCode;
  direction: Direction;
  status: DeclarationStatus;
  version: number;
  plate: string;
  vehicle_nationality: 'VN' | 'CN';
  trailer_plate: string | null;
  container_number: string | null;
  expected_arrival_at: Date;
  arrival_day: string;
  driver_full_name: string;
  driver_document_number: string;
  driver_document_kind: string;
  driver_nationality: 'VN' | 'CN';
  driver_phone: string | null;
  cargo_description: string;
  cargo_hs_code: string | null;
  cargo_gross_weight_kg: number;
  cargo_perishable: boolean;
  cargo_customs_declaration_number: string | null;
  cargo_quarantine_required: boolean;
  arrived_at: Date | null;
  exited_at: Date | null;
  exit_destination: 'CN' | 'VN_INLAND' | null;
  reasons: ScreeningReason[];
  screening_state: ScreeningState;
  screening_error: string | null;
  created_at: Date;
  updated_at: Date;
  timeline: TimelineEntry[];
}

export interface ListFilters {
  status?: DeclarationStatus;
  plate?: string;
  gate?: GateCode;
  direction?: Direction;
  from?: string;
  to?: string;
}

export interface PageCursor {
  createdAt: string;
  id: string;
}

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

// One statement and one commit: the idempotency key's claim and answer, the reference, the declaration, its
// first timeline event and the outbox message that will screen it. It inserts nothing when the key is already
// in the company's records (no row back); a concurrent request with the same key that commits first makes the
// key's insert fail (unique violation) and undoes the whole statement, so a key never yields two declarations.
// The serial is the gate's sequence (never waits; see migrations/1795759200000-ReferenceSerials.ts).
const INSERT_SUBMITTED = `
WITH gate AS (
  SELECT code, reference_prefix, timezone, (now() AT TIME ZONE timezone)::date AS today FROM gate
   WHERE code = $2 AND NOT EXISTS (SELECT 1 FROM idempotency_record WHERE company_id = $1 AND key = $4)
), ref AS (
  SELECT today AS day, next_reference_serial(code)::text AS serial FROM gate
), d AS (
  INSERT INTO declaration (
    reference, company_id, gate_code, direction, status, plate, plate_short, vehicle_nationality, trailer_plate,
    container_number, expected_arrival_at, arrival_day, driver_full_name, driver_document_number, driver_document_kind,
    driver_nationality, driver_phone, cargo_description, cargo_hs_code, cargo_gross_weight_kg, cargo_perishable,
    cargo_customs_declaration_number, cargo_quarantine_required, created_at, updated_at, timeline)
  SELECT gate.reference_prefix || '-' || to_char(ref.day, 'YYYYMMDD') || '-' || lpad(ref.serial, greatest(5, length(ref.serial)), '0'),
         $1, gate.code, $3, 'submitted', $5, $6, $7, $8, $9, $10::timestamptz, ($10::timestamptz AT TIME ZONE gate.timezone)::date,
         $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
         date_trunc('milliseconds', now()), date_trunc('milliseconds', now()),
         ${timelineEntrySql(`'submitted'`, "date_trunc('milliseconds', now())")}
    FROM gate, ref
  RETURNING id, reference, status, plate, gate_code, direction, expected_arrival_at, created_at
), event AS (
  INSERT INTO declaration_event (declaration_id, gate_code, action, from_status, to_status, actor, at)
  SELECT id, gate_code, 'transition', NULL, 'submitted', 'company:' || $1, created_at FROM d
), outbox AS (
  INSERT INTO outbox_message (queue, job_name, job_id, payload)
  SELECT '${QueueName.Screening}', '${JobName.ScreenDeclaration}', 'screen-' || id || '-v1', json_build_object('declarationId', id) FROM d
), answer AS (
  SELECT json_build_object(
    'id', id, 'reference', reference, 'status', status, 'plate', plate, 'gate', gate_code, 'direction', direction,
    'expectedArrivalAt', to_char(expected_arrival_at AT TIME ZONE 'UTC', ${ISO_UTC}),
    'createdAt', to_char(created_at AT TIME ZONE 'UTC', ${ISO_UTC})) AS body
  FROM d
), idem AS (
  INSERT INTO idempotency_record (company_id, key, request_hash, state, response_status, response_body)
  SELECT $1, $4, $22, 'completed', 202, answer.body FROM answer
)
SELECT body FROM answer`;

/** A company's change waiting for a supervisor, once the truck has arrived. */
export interface AmendmentRequestRow {
  id: string;
  declaration_id: string;
  status: 'pending' | 'approved' | 'declined';
  changes: Record<string, unknown>;
  requested_at: Date;
  decided_at: Date | null;
  note: string | null;
}

@Injectable()
export class DeclarationsRepository {
  constructor(private readonly sql: Sql) {}

  /** Null when the company has used this idempotency key before: nothing was inserted. */
  async insertSubmitted(d: NewDeclaration): Promise<SubmittedDeclaration | null> {
    // A named statement: this six-part statement is parsed and planned once per pooled connection, not per call.
    const statement = { name: 'declaration-submit', text: INSERT_SUBMITTED };
    const row = await this.sql.one<{ body: SubmittedDeclaration }>(statement, [
      d.companyId,
      d.gate,
      d.direction,
      d.idempotencyKey,
      ...fieldParams(d),
      d.requestHash,
    ]);
    return row?.body ?? null;
  }

  findOwned(companyId: string, id: string): Promise<DeclarationRow | null> {
    return this.sql.one<DeclarationRow>('SELECT * FROM declaration WHERE id = $1 AND company_id = $2', [id, companyId]);
  }

  amendmentRequests(declarationId: string): Promise<AmendmentRequestRow[]> {
    return this.sql.rows<AmendmentRequestRow>(
      'SELECT * FROM amendment_request WHERE declaration_id = $1 ORDER BY requested_at',
      [declarationId],
    );
  }

  /** Newest first, keyset-paged on (created_at, id) so deep pages cost the same as the first. */
  listOwned(
    companyId: string,
    filters: ListFilters,
    cursor: PageCursor | null,
    limit: number,
  ): Promise<DeclarationRow[]> {
    const where = ['company_id = $1'];
    const params: unknown[] = [companyId];
    const add = (clause: string, value: unknown): void => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filters.status) add('status = ?', filters.status);
    if (filters.plate) add('plate = ?', filters.plate);
    if (filters.gate) add('gate_code = ?', filters.gate);
    if (filters.direction) add('direction = ?', filters.direction);
    if (filters.from) add('created_at >= ?::timestamptz', filters.from);
    if (filters.to) add('created_at < ?::timestamptz', filters.to);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit);
    return this.sql.rows<DeclarationRow>(
      `SELECT * FROM declaration WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
