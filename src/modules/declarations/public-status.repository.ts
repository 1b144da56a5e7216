import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { ACTIVE_STATUSES_SQL, type DeclarationStatus, type TimelineEntry } from './declaration-status.js';

/** The declaration a plate lookup shows, as stored. */
export interface PublicStatusRow {
  id: string;
  plate: string;
  status: DeclarationStatus;
  gate: GateCode;
  direction: Direction;
  expected_arrival_at: Date;
  updated_at: Date;
  timeline: TimelineEntry[];
}

/** An open clearance step of a vehicle in the yard, with its place in its agency's queue. */
export interface OpenStepRow {
  agency: string;
  status: string;
  queue_position: number | null;
  decided_last_hour: number;
}

/** One status move of a vehicle from the audit log, as a live viewer receives it. */
export interface StatusEventRow {
  seq: number;
  plate: string;
  status: DeclarationStatus;
  gate: GateCode;
  at: string;
}

// One round trip, one row: the vehicle's live declaration if it has one (partial unique index), else its
// latest; the timeline is a column of that row (kept by transition()), so the audit log is never read here.
// A named statement: each pooled connection plans it once.
const STATUS_COLUMNS =
  'd.id, d.plate, d.status, d.gate_code AS gate, d.direction, d.expected_arrival_at, d.updated_at, d.timeline';
const STATUS_BY_PLATE = {
  name: 'vehicle-status-by-plate',
  text: `
(SELECT ${STATUS_COLUMNS} FROM declaration d WHERE d.plate = $1 AND d.status IN ${ACTIVE_STATUSES_SQL} LIMIT 1)
UNION ALL
(SELECT ${STATUS_COLUMNS} FROM declaration d WHERE d.plate = $1 ORDER BY d.created_at DESC LIMIT 1)
LIMIT 1`,
};

// A trailer (or a container) is found on the vehicle that pulls it: the latest live declaration naming it, else
// the latest one. In a tractor swap both tractors name the trailer; the later one is taking it on.
const STATUS_BY_TRAILER = `
(SELECT ${STATUS_COLUMNS} FROM declaration d
  WHERE d.trailer_plate = $1 AND d.status IN ${ACTIVE_STATUSES_SQL} ORDER BY d.created_at DESC LIMIT 1)
UNION ALL
(SELECT ${STATUS_COLUMNS} FROM declaration d WHERE d.trailer_plate = $1 ORDER BY d.created_at DESC LIMIT 1)
LIMIT 1`;

const STATUS_BY_CONTAINER = `
SELECT ${STATUS_COLUMNS} FROM declaration_container c JOIN declaration d ON d.id = c.declaration_id
 WHERE c.container_number = $1
 ORDER BY d.status IN ${ACTIVE_STATUSES_SQL} DESC, d.created_at DESC LIMIT 1`;

// For a vehicle in the yard: its open steps; for each waiting one its place in that agency's queue, and
// that queue's service rate (steps decided in the last hour at this gate) for the wait estimate.
const OPEN_STEPS = `
SELECT s.agency, s.status,
       CASE WHEN s.status = 'waiting' AND s.ready_at IS NOT NULL THEN
         (SELECT count(*)::int + 1 FROM clearance_step o JOIN declaration od ON od.id = o.declaration_id AND od.status = 'in_yard'
           WHERE o.gate_code = s.gate_code AND o.agency = s.agency AND o.status = 'waiting' AND o.ready_at IS NOT NULL
             AND (o.priority, o.ready_at, o.id) < (s.priority, s.ready_at, s.id))
       END AS queue_position,
       (SELECT count(*)::int FROM clearance_step r
         WHERE r.gate_code = s.gate_code AND r.agency = s.agency AND r.decided_at > now() - interval '1 hour') AS decided_last_hour
  FROM clearance_step s
 WHERE s.declaration_id = $1 AND s.status <> 'passed' AND (s.ready_at IS NOT NULL OR s.status <> 'waiting')
 ORDER BY s.stage, s.agency`;

// For an accepted vehicle on its way: how many accepted vehicles are expected at the gate before it, counted
// up to a cap ($2) so that the cost stays bounded however many are accepted (walks the accepted-arrival index).
const EXPECTED_AHEAD = `
SELECT count(*)::int AS ahead FROM (
  SELECT 1 FROM declaration o, declaration d
   WHERE d.id = $1 AND o.status = 'accepted' AND o.gate_code = d.gate_code
     AND (o.expected_arrival_at, o.id) < (d.expected_arrival_at, d.id)
   LIMIT $2) ahead`;

/**
 * What anyone may see of a vehicle by its plate: the public lookup and its live updates. The lookup's reads go
 * to a replica when there is one (a second of lag is harmless there).
 */
@Injectable()
export class PublicStatusRepository {
  constructor(private readonly sql: Sql) {}

  /** The vehicle's live declaration, else its latest; null when the plate was never declared. */
  statusByPlate(plate: string): Promise<PublicStatusRow | null> {
    return this.sql.readOne<PublicStatusRow>(STATUS_BY_PLATE, [plate]);
  }

  /** The declaration of the vehicle pulling this trailer now, else the latest that named it; null when none did. */
  statusByTrailer(trailerPlate: string): Promise<PublicStatusRow | null> {
    return this.sql.readOne<PublicStatusRow>(STATUS_BY_TRAILER, [trailerPlate]);
  }

  /** The declaration of the vehicle carrying this container now, else the latest that named it. */
  statusByContainer(containerNumber: string): Promise<PublicStatusRow | null> {
    return this.sql.readOne<PublicStatusRow>(STATUS_BY_CONTAINER, [containerNumber]);
  }

  openSteps(declarationId: string): Promise<OpenStepRow[]> {
    return this.sql.readRows<OpenStepRow>(OPEN_STEPS, [declarationId]);
  }

  /** Accepted vehicles expected at the gate before this one, counted up to `cap`. */
  async expectedAhead(declarationId: string, cap: number): Promise<number> {
    return (await this.sql.readOne<{ ahead: number }>(EXPECTED_AHEAD, [declarationId, cap]))!.ahead;
  }

  /** Canonical plates declared with this short Chinese plate (no province character); at most two. */
  async platesByShortPlate(partialCn: string): Promise<string[]> {
    const rows = await this.sql.readRows<{ plate: string }>(
      'SELECT DISTINCT plate FROM declaration WHERE plate_short = $1 LIMIT 2',
      [partialCn],
    );
    return rows.map((r) => r.plate);
  }

  /** Status moves of the plate's declarations after audit sequence `seq`, oldest first, at most 1000. */
  statusEventsSince(plate: string, seq: number): Promise<StatusEventRow[]> {
    return this.sql.rows<StatusEventRow>(
      `SELECT e.seq::int AS seq, d.plate, e.to_status AS status, d.gate_code AS gate,
              to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM declaration d JOIN declaration_event e ON e.declaration_id = d.id AND e.action = 'transition'
              AND e.at >= d.created_at -- lets PostgreSQL skip the audit log's months before the declaration
        WHERE d.plate = $1 AND e.seq > $2
        ORDER BY e.seq LIMIT 1000`,
      [plate, seq],
    );
  }

  /** Audit sequence of the plate's latest move into `status`; null when there is none. */
  async lastMoveSeq(plate: string, status: DeclarationStatus): Promise<number | null> {
    const row = await this.sql.one<{ seq: number | null }>(
      `SELECT max(e.seq)::int AS seq FROM declaration d
         JOIN declaration_event e ON e.declaration_id = d.id AND e.at >= d.created_at
        WHERE d.plate = $1 AND e.action = 'transition' AND e.to_status = $2`,
      [plate, status],
    );
    return row?.seq ?? null;
  }
}
