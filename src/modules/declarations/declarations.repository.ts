import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn, Sql } from '../../database/sql.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { JobName, QueueName, screeningJobId } from '../queue/queue-names.js';
import { type ContainerFields, type DeclarationFields, fieldParams } from './declaration-input.js';
import { DECLARATION_ROW_COLUMNS } from './declaration-containers.js';
import type { CargoRegime, HandoverRole, TripKind } from './trip-kind.js';
import {
  ACTIVE_STATUSES_SQL,
  type DeclarationStatus,
  type ScreeningReason,
  type ScreeningState,
  type TimelineEntry,
  timelineEntrySql,
} from './declaration-status.js';

export interface NewDeclaration extends DeclarationFields {
  companyId: string;
  /** The audit log's actor: the company (API key) or the person who submitted it. */
  actorRef: string;
  idempotencyKey: string;
  /** SHA-256 of the body as sent, to tell a replay from another request under the same key. */
  requestHash: string;
  gate: GateCode;
  direction: Direction;
  tripKind: TripKind;
  handoverRole: HandoverRole | null;
  /** The receiving leg's delivering declaration; checked by the caller, taken at most once (UQ_declaration_receiving_link). */
  linkedDeclarationId: string | null;
  feeExemptionCode: string | null;
  /** The arrival hour booked with the submission (ISO 8601, a whole hour), taken at acceptance; null: none. */
  slotStart: string | null;
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
  /** Joined from declaration_container (DECLARATION_ROW_COLUMNS). */
  containers: ContainerFields[];
  vehicle_tonnage_kg: number | null;
  two_way_transport: boolean;
  trip_kind: TripKind;
  handover_role: HandoverRole | null;
  linked_declaration_id: string | null;
  cargo_regime: CargoRegime;
  fee_exemption_code: string | null;
  expected_arrival_at: Date;
  /** The booked arrival hour; null: no booking. */
  slot_start: Date | null;
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

export interface HandoverCandidate {
  trip_kind: TripKind;
  handover_role: HandoverRole | null;
  gate_code: GateCode;
  direction: Direction;
  status: DeclarationStatus;
  trailer_plate: string | null;
  /** A live receiving vehicle already names it. */
  taken: boolean;
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
    id, reference, company_id, gate_code, direction, status, plate, plate_short, vehicle_nationality, trailer_plate,
    container_number, expected_arrival_at, arrival_day, driver_full_name, driver_document_number, driver_document_kind,
    driver_nationality, driver_phone, cargo_description, cargo_hs_code, cargo_gross_weight_kg, cargo_perishable,
    cargo_customs_declaration_number, cargo_quarantine_required, vehicle_tonnage_kg, two_way_transport, cargo_regime,
    trip_kind, handover_role, linked_declaration_id, fee_exemption_code, slot_start, created_at, updated_at, timeline)
  SELECT $28, gate.reference_prefix || '-' || to_char(ref.day, 'YYYYMMDD') || '-' || lpad(ref.serial, greatest(5, length(ref.serial)), '0'),
         $1, gate.code, $3, 'submitted', $5, $6, $7, $8, $9, $10::timestamptz, ($10::timestamptz AT TIME ZONE gate.timezone)::date,
         $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $31, $32, $33::uuid, $34, $35::timestamptz,
         date_trunc('milliseconds', now()), date_trunc('milliseconds', now()),
         ${timelineEntrySql(`'submitted'`, "date_trunc('milliseconds', now())")}
    FROM gate, ref
  RETURNING id, reference, status, plate, gate_code, direction, expected_arrival_at, slot_start, created_at
), containers AS (
  INSERT INTO declaration_container (declaration_id, position, container_number, size_feet)
  SELECT d.id, c.position, c.number, c.size_feet
    FROM d, unnest($25::text[], $26::smallint[]) WITH ORDINALITY AS c(number, size_feet, position)
), handover AS (
  -- The delivering leg points back at the vehicle that takes over from it.
  UPDATE declaration delivering SET linked_declaration_id = d.id FROM d WHERE delivering.id = $33::uuid
), event AS (
  INSERT INTO declaration_event (declaration_id, gate_code, action, from_status, to_status, actor, at)
  SELECT id, gate_code, 'transition', NULL, 'submitted', $30, created_at FROM d
  UNION ALL
  SELECT id, gate_code, 'slot.booked', NULL, NULL, $30, created_at FROM d WHERE slot_start IS NOT NULL
), outbox AS (
  INSERT INTO outbox_message (queue, job_name, job_id, payload)
  SELECT '${QueueName.Screening}', '${JobName.ScreenDeclaration}', $29, json_build_object('declarationId', id) FROM d
), answer AS (
  SELECT json_build_object(
    'id', id, 'reference', reference, 'status', status, 'plate', plate, 'gate', gate_code, 'direction', direction,
    'expectedArrivalAt', to_char(expected_arrival_at AT TIME ZONE 'UTC', ${ISO_UTC}),
    'createdAt', to_char(created_at AT TIME ZONE 'UTC', ${ISO_UTC})) AS body
  FROM d
), idem AS (
  INSERT INTO idempotency_record (company_id, key, request_hash, state, response_status, response_body)
  SELECT $1, $4, $27, 'completed', 202, answer.body FROM answer
)
SELECT body FROM answer`;

/** The declaration as check-in, decisions and exit see it. */
export interface ClearanceSubject {
  id: string;
  reference: string;
  status: DeclarationStatus;
  version: number;
  gate_code: GateCode;
  direction: Direction;
  plate: string;
  cargo_perishable: boolean;
  cargo_hs_code: string | null;
  cargo_gross_weight_kg: number;
  cargo_quarantine_required: boolean;
  arrival_day: string;
  reasons: unknown;
  trip_kind: TripKind;
  /** Set exactly for transshipment and tractor_swap. */
  handover_role: HandoverRole | null;
  /** The receiving leg names its delivering leg (and the delivering leg, once declared, its receiving one). */
  linked_declaration_id: string | null;
  two_way_transport: boolean;
}

const SUBJECT_COLUMNS = `id, reference, status, version, gate_code, direction, plate, cargo_perishable, cargo_hs_code,
  cargo_gross_weight_kg, cargo_quarantine_required, arrival_day::text AS arrival_day, reasons, trip_kind, handover_role,
  linked_declaration_id, two_way_transport`;

/** The declaration as screening sees it, with its gate's daily capacity for its direction. */
export interface ScreeningSubject {
  id: string;
  status: string;
  version: number;
  plate: string;
  trailer_plate: string | null;
  driver_document_number: string;
  gate_code: string;
  direction: string;
  arrival_day: string;
  expected_arrival_at: Date;
  created_at: Date;
  capacity: number;
  company_id: string;
  /** The booked hour the acceptance takes in the hourly ledger; null: none. */
  slot_start: Date | null;
}

/** A company's change waiting for a supervisor, once the truck has arrived. */
export interface AmendmentRequestRow {
  id: string;
  declaration_id: string;
  status: 'pending' | 'approved' | 'declined';
  changes: Record<string, unknown>;
  requested_at: Date;
  decided_at: Date | null;
  note: string | null;
  /** The declaration's, joined: who the request is about. */
  reference: string;
  plate: string;
}

@Injectable()
export class DeclarationsRepository {
  constructor(private readonly sql: Sql) {}

  /** Null when the company has used this idempotency key before: nothing was inserted. */
  async insertSubmitted(d: NewDeclaration): Promise<SubmittedDeclaration | null> {
    // A named statement: this six-part statement is parsed and planned once per pooled connection, not per call.
    const statement = { name: 'declaration-submit', text: INSERT_SUBMITTED };
    // Chosen here so the screening job id comes from screeningJobId(), the one spelling the reconciler re-adds.
    const id = randomUUID();
    const row = await this.sql.one<{ body: SubmittedDeclaration }>(statement, [
      d.companyId,
      d.gate,
      d.direction,
      d.idempotencyKey,
      ...fieldParams(d),
      d.requestHash,
      id,
      screeningJobId(id, 1),
      d.actorRef,
      d.tripKind,
      d.handoverRole,
      d.linkedDeclarationId,
      d.feeExemptionCode,
      d.slotStart,
    ]);
    return row?.body ?? null;
  }

  /** How far ahead the gate takes bookings, in ms (its booking rule); null for an unknown gate. */
  async bookingHorizonMs(gate: GateCode): Promise<number | null> {
    const row = await this.sql.one<{ ms: number }>(
      'SELECT (extract(epoch FROM booking_horizon) * 1000)::bigint::float8 AS ms FROM booking_rule WHERE gate_code = $1',
      [gate],
    );
    return row?.ms ?? null;
  }

  /** The gate's local day of an instant: the day a declaration arriving then counts against. */
  async arrivalDay(gate: GateCode, at: string): Promise<string | null> {
    const row = await this.sql.one<{ day: string }>(
      'SELECT ($2::timestamptz AT TIME ZONE timezone)::date::text AS day FROM gate WHERE code = $1',
      [gate, at],
    );
    return row?.day ?? null;
  }

  /** What a receiving vehicle's submission checks of the delivering declaration it names; null when there is none. */
  handoverCandidate(id: string): Promise<HandoverCandidate | null> {
    return this.sql.one<HandoverCandidate>(
      `SELECT d.trip_kind, d.handover_role, d.gate_code, d.direction, d.status, d.trailer_plate,
              EXISTS (SELECT 1 FROM declaration r
                       WHERE r.linked_declaration_id = d.id AND r.handover_role = 'receiving'
                         AND r.status NOT IN ('cancelled', 'rejected', 'expired')) AS taken
         FROM declaration d WHERE d.id = $1`,
      [id],
    );
  }

  findOwned(companyId: string, id: string): Promise<DeclarationRow | null> {
    return this.sql.one<DeclarationRow>(
      `SELECT ${DECLARATION_ROW_COLUMNS} FROM declaration d WHERE d.id = $1 AND d.company_id = $2`,
      [id, companyId],
    );
  }

  /** The declaration with this id if it is for `gate`, whoever declared it: the officers' view. */
  findAtGate(gate: GateCode, id: string): Promise<DeclarationRow | null> {
    return this.sql.one<DeclarationRow>(
      `SELECT ${DECLARATION_ROW_COLUMNS} FROM declaration d WHERE d.id = $1 AND d.gate_code = $2`,
      [id, gate],
    );
  }

  amendmentRequests(declarationId: string): Promise<AmendmentRequestRow[]> {
    return this.sql.rows<AmendmentRequestRow>(
      `SELECT a.*, d.reference, d.plate FROM amendment_request a JOIN declaration d ON d.id = a.declaration_id
        WHERE a.declaration_id = $1 ORDER BY a.requested_at`,
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
    const where = ['d.company_id = $1'];
    const params: unknown[] = [companyId];
    const add = (clause: string, value: unknown): void => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filters.status) add('d.status = ?', filters.status);
    if (filters.plate) add('d.plate = ?', filters.plate);
    if (filters.gate) add('d.gate_code = ?', filters.gate);
    if (filters.direction) add('d.direction = ?', filters.direction);
    if (filters.from) add('d.created_at >= ?::timestamptz', filters.from);
    if (filters.to) add('d.created_at < ?::timestamptz', filters.to);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(d.created_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit);
    return this.sql.rows<DeclarationRow>(
      `SELECT ${DECLARATION_ROW_COLUMNS} FROM declaration d
        WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** The vehicle's live declaration, else its latest; locked (see lockForClearance). Call inside a transaction. */
  async findForClearance(manager: EntityManager, plate: string): Promise<ClearanceSubject | null> {
    const rows = await rowsIn<ClearanceSubject>(
      manager,
      `(SELECT ${SUBJECT_COLUMNS} FROM declaration WHERE plate = $1 AND status IN ${ACTIVE_STATUSES_SQL} LIMIT 1)
       UNION ALL
       (SELECT ${SUBJECT_COLUMNS} FROM declaration WHERE plate = $1 ORDER BY created_at DESC LIMIT 1)
       LIMIT 1`,
      [plate],
    );
    return rows[0] ? this.lockForClearance(manager, rows[0].id) : null;
  }

  /**
   * Re-reads the declaration under a row lock: every clearance change of one vehicle is serialised here.
   * NO KEY UPDATE, like every declaration lock: it still excludes other writers, but not the KEY SHARE lock
   * that inserting an audit record or a step (foreign keys) takes. A plain FOR UPDATE deadlocked a decision
   * (declaration locked, waiting for a step) against a claim (step locked, audit insert waiting for the
   * declaration's key).
   */
  async lockForClearance(manager: EntityManager, declarationId: string): Promise<ClearanceSubject | null> {
    const rows = await rowsIn<ClearanceSubject>(
      manager,
      `SELECT ${SUBJECT_COLUMNS} FROM declaration WHERE id = $1 FOR NO KEY UPDATE`,
      [declarationId],
    );
    return rows[0] ?? null;
  }

  async markArrived(manager: EntityManager, declarationId: string): Promise<void> {
    await rowsIn(manager, 'UPDATE declaration SET arrived_at = now() WHERE id = $1', [declarationId]);
  }

  async markExited(manager: EntityManager, declarationId: string, destination: 'CN' | 'VN_INLAND'): Promise<void> {
    await rowsIn(manager, 'UPDATE declaration SET exited_at = now(), exit_destination = $2 WHERE id = $1', [
      declarationId,
      destination,
    ]);
  }

  /** Locks an accepted declaration whose truck is overdue by `minutes`; its version, or null when it is not. */
  async lockNoShow(manager: EntityManager, declarationId: string, minutes: number): Promise<number | null> {
    const rows = await rowsIn<{ version: number }>(
      manager,
      `SELECT version FROM declaration
            WHERE id = $1 AND status = 'accepted'
              AND expected_arrival_at + make_interval(mins => $2) <= now()
            FOR NO KEY UPDATE`,
      [declarationId, minutes],
    );
    return rows[0]?.version ?? null;
  }

  /** Up to 200 accepted declarations whose truck is overdue by `minutes`, longest overdue first. */
  overdueNoShows(minutes: number): Promise<{ id: string }[]> {
    return this.sql.rows<{ id: string }>(
      `SELECT id FROM declaration
        WHERE status = 'accepted' AND expected_arrival_at < now() - make_interval(mins => $1)
        ORDER BY expected_arrival_at LIMIT 200`,
      [minutes],
    );
  }

  screeningSubject(declarationId: string): Promise<ScreeningSubject | null> {
    return this.sql.one<ScreeningSubject>(
      `SELECT d.id, d.status, d.version, d.plate, d.trailer_plate, d.driver_document_number, d.gate_code, d.direction,
              d.arrival_day::text AS arrival_day, d.expected_arrival_at, d.created_at, d.company_id, d.slot_start,
              CASE d.direction WHEN 'export' THEN g.capacity_export_per_day ELSE g.capacity_import_per_day END AS capacity
         FROM declaration d JOIN gate g ON g.code = d.gate_code
        WHERE d.id = $1`,
      [declarationId],
    );
  }

  /** The reference of another active declaration for the plate, if there is one. */
  async activeReferenceForPlate(plate: string, exceptId: string): Promise<string | null> {
    const row = await this.sql.one<{ reference: string }>(
      `SELECT reference FROM declaration
        WHERE plate = $1 AND id <> $2 AND status IN ${ACTIVE_STATUSES_SQL} LIMIT 1`,
      [plate, exceptId],
    );
    return row?.reference ?? null;
  }

  /** Leaves a submitted declaration visibly failed at screening. */
  async markScreeningFailed(declarationId: string, message: string): Promise<void> {
    await this.sql.rows(
      `UPDATE declaration SET screening_state = 'failed', screening_error = $2, updated_at = date_trunc('milliseconds', now())
        WHERE id = $1 AND status = 'submitted'`,
      [declarationId, message.slice(0, 500)],
    );
  }

  /**
   * Submitted declarations still pending screening after `staleAfterMs` (since submission or their last
   * re-drive), stamped as re-driven now; at most 500, skipping any another reconciler holds.
   */
  claimStaleScreenings(staleAfterMs: number): Promise<{ id: string; version: number }[]> {
    return this.sql.rows<{ id: string; version: number }>(
      `UPDATE declaration d SET screening_redriven_at = now()
        WHERE d.id IN (
          SELECT id FROM declaration
           WHERE status = 'submitted' AND screening_state = 'pending'
             AND greatest(created_at, coalesce(screening_redriven_at, created_at))
                 < now() - make_interval(secs => $1::double precision / 1000)
           ORDER BY created_at LIMIT 500
           FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.version`,
      [staleAfterMs],
    );
  }

  /** Puts a submitted declaration whose screening failed back to pending; its version, or null when none waits. */
  async resetFailedScreening(id: string): Promise<number | null> {
    const row = await this.sql.one<{ version: number }>(
      `UPDATE declaration SET screening_state = 'pending', screening_error = NULL
          WHERE id::text = $1 AND status = 'submitted' AND screening_state <> 'done' RETURNING version`,
      [id],
    );
    return row?.version ?? null;
  }

  /** Age in seconds of the oldest submission waiting for screening, and how many failed it; for /health. */
  async screeningBacklog(): Promise<{ pending_age: number | null; failed: number }> {
    const row = await this.sql.one<{ pending_age: number | null; failed: number }>(
      `SELECT
         (SELECT extract(epoch FROM now() - min(created_at))::int FROM declaration
           WHERE status = 'submitted' AND screening_state = 'pending') AS pending_age,
         (SELECT count(*)::int FROM declaration WHERE status = 'submitted' AND screening_state = 'failed') AS failed`,
    );
    return row ?? { pending_age: null, failed: 0 };
  }

  countByStatus(): Promise<{ status: string; n: number }[]> {
    return this.sql.rows<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM declaration GROUP BY status',
    );
  }

  /** The owning company of each of these declarations that exists. Call inside the caller's transaction. */
  async companiesOf(manager: EntityManager, declarationIds: string[]): Promise<Map<string, string>> {
    const rows = await rowsIn<{ id: string; company_id: string }>(
      manager,
      'SELECT id, company_id FROM declaration WHERE id = ANY ($1::uuid[])',
      [declarationIds],
    );
    return new Map(rows.map((r) => [r.id, r.company_id]));
  }

  /**
   * Deletes one batch of companies' and one of officers' idempotency keys older than `days`; how many went. Fewer
   * than `batch` means both tables are done.
   */
  async purgeIdempotencyRecords(days: number, batch: number): Promise<number> {
    const row = await this.sql.one<{ n: number }>(
      `WITH companies AS (
  DELETE FROM idempotency_record WHERE ctid IN (
    SELECT ctid FROM idempotency_record WHERE created_at < now() - make_interval(days => $1) LIMIT $2)
  RETURNING 1
), officers AS (
  DELETE FROM officer_idempotency_record WHERE ctid IN (
    SELECT ctid FROM officer_idempotency_record WHERE created_at < now() - make_interval(days => $1) LIMIT $2)
  RETURNING 1)
SELECT (SELECT count(*) FROM companies)::int + (SELECT count(*) FROM officers)::int AS n`,
      [days, batch],
    );
    return row!.n;
  }
}
