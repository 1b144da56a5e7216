import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { rowsIn, Sql } from '../../database/sql.js';
import type { PriorityTurn } from './priority-cycle.entity.js';
import type { YardWaitState } from './yard-wait.entity.js';

export interface YardRow {
  code: string;
  gate_code: GateCode;
  name: string;
  name_en: string;
  capacity: number;
  latitude: string;
  longitude: string;
  drive_minutes: number;
  open: boolean;
  waiting: number;
  called: number;
}

/** A truck in a regulation yard's line, or on its way to the gate. */
export interface LineRow {
  declaration_id: string;
  reference: string;
  plate: string;
  direction: Direction;
  yard_code: string;
  state: 'waiting' | 'called';
  arrived_at: Date;
  queue_at: Date;
  called_at: Date | null;
  call_deadline: Date | null;
  call_rule: string | null;
  missed_calls: number;
  slot_start: Date | null;
  perishable: boolean;
  aeo: boolean;
  empty_trip: boolean;
  /** Its place in the gate's line (1 is called next, priority turns aside); null once called. */
  place_in_line: number | null;
}

/** A declaration's wait as its answers show it. */
export interface WaitRow {
  declaration_id: string;
  yard_code: string;
  yard_name: string;
  gate_code: GateCode;
  state: YardWaitState;
  arrived_at: Date;
  called_at: Date | null;
  call_deadline: Date | null;
  call_rule: string | null;
  missed_calls: number;
  checked_in_version: number;
  place_in_line: number | null;
}

/** What a run of the call forward needs to know of the gate. */
export interface GateLoadRow {
  yard_capacity: number;
  in_yard: number;
  called: number;
  waiting: number;
  exits_last_hour: number;
  early_allowance_seconds: number;
  late_grace_seconds: number;
}

export interface CallRuleRow {
  reach_margin_minutes: number;
  missed_calls_allowed: number;
  look_ahead_minutes: number;
  updated_at: Date;
}

export interface CycleRow {
  turns: PriorityTurn[];
  position: number;
  updated_at: Date;
}

/** A call whose deadline passed. */
export interface MissedCallRow {
  declaration_id: string;
  yard_code: string;
  missed_calls: number;
  call_deadline: Date;
  version: number;
}

/** A waiting truck the call forward may call now. */
export interface CandidateRow {
  declaration_id: string;
  yard_code: string;
  drive_minutes: number;
  perishable: boolean;
  aeo: boolean;
  empty_trip: boolean;
}

/** Runs one statement: inside a caller's transaction, or on its own. */
type Query = <T>(text: string, params: unknown[]) => Promise<T[]>;

// A wait counts while its declaration waits: a cancelled truck's wait is ended (`left`) by the next call-forward run,
// and until then counts nowhere.
const LIVE_WAIT = `w.state IN ('waiting', 'called') AND d.status = 'waiting_at_yard'`;

// The gate's line in call order, priority turns aside: booked trucks whose hour is due, by their hour; then the
// others by their place in line; booked trucks not due yet last. $1 gate, $2 now.
const LINE_ORDER = `
  CASE WHEN d.slot_start IS NULL THEN 1
       WHEN d.slot_start - COALESCE(b.early_allowance, interval '0') <= $2::timestamptz THEN 0 ELSE 2 END,
  d.slot_start, w.queue_at, w.declaration_id`;

const PLACES = `
  SELECT w.declaration_id, row_number() OVER (ORDER BY ${LINE_ORDER})::int AS place_in_line
    FROM yard_wait w
    JOIN declaration d ON d.id = w.declaration_id AND d.status = 'waiting_at_yard'
    LEFT JOIN booking_rule b ON b.gate_code = w.gate_code
   WHERE w.gate_code = $1 AND w.state = 'waiting'`;

/** A call-forward event of a plate, for a reconnecting live viewer: the truck waits at a yard then. */
export interface CallEventRow {
  seq: number;
  plate: string;
  status: 'waiting_at_yard';
  gate: GateCode;
  at: string;
  action: string;
  note: string | null;
}

/** The regulation yards, the trucks' waits there, and each gate's priority cycle and call rule. */
@Injectable()
export class RegulationYardsRepository {
  constructor(private readonly sql: Sql) {}

  yards(gate: GateCode | null): Promise<YardRow[]> {
    return this.sql.rows<YardRow>(
      `SELECT y.code, y.gate_code, y.name, y.name_en, y.capacity, y.latitude, y.longitude, y.drive_minutes, y.open,
              count(*) FILTER (WHERE w.state = 'waiting')::int AS waiting,
              count(*) FILTER (WHERE w.state = 'called')::int AS called
         FROM regulation_yard y
         LEFT JOIN yard_wait w ON w.yard_code = y.code AND w.state IN ('waiting', 'called')
              AND EXISTS (SELECT 1 FROM declaration d WHERE d.id = w.declaration_id AND d.status = 'waiting_at_yard')
        WHERE $1::text IS NULL OR y.gate_code = $1
        GROUP BY y.code ORDER BY y.gate_code, y.code`,
      [gate],
    );
  }

  async yard(code: string): Promise<YardRow | null> {
    return (
      (
        await this.sql.rows<YardRow>(`SELECT y.*, 0 AS waiting, 0 AS called FROM regulation_yard y WHERE y.code = $1`, [
          code,
        ])
      )[0] ?? null
    );
  }

  /** The yard locked (check-ins into one yard take their places one at a time) with the trucks it holds. */
  async lockYard(manager: EntityManager, code: string): Promise<(YardRow & { holding: number }) | null> {
    const rows = await rowsIn<YardRow>(manager, `SELECT * FROM regulation_yard WHERE code = $1 FOR UPDATE`, [code]);
    if (!rows[0]) return null;
    const [held] = await rowsIn<{ holding: number }>(
      manager,
      `SELECT count(*)::int AS holding FROM yard_wait w JOIN declaration d ON d.id = w.declaration_id
        WHERE w.yard_code = $1 AND ${LIVE_WAIT}`,
      [code],
    );
    return { ...rows[0], waiting: 0, called: 0, holding: held.holding };
  }

  async insertWait(
    manager: EntityManager,
    wait: { declarationId: string; yard: string; gate: GateCode; direction: Direction; now: Date; version: number },
  ): Promise<void> {
    await rowsIn(
      manager,
      `INSERT INTO yard_wait (declaration_id, yard_code, gate_code, direction, state, arrived_at, queue_at,
                              checked_in_version)
       VALUES ($1, $2, $3, $4, 'waiting', $5, $5, $6)`,
      [wait.declarationId, wait.yard, wait.gate, wait.direction, wait.now, wait.version],
    );
  }

  /** The declaration's current wait (waiting or called), locked; with its place in the gate's line. */
  async lockWait(manager: EntityManager, declarationId: string, now: Date): Promise<WaitRow | null> {
    return this.waitWith((text, params) => rowsIn(manager, text, params), declarationId, now, 'FOR UPDATE OF w');
  }

  private async waitWith(
    query: Query,
    declarationId: string,
    now: Date,
    lock: '' | 'FOR UPDATE OF w',
  ): Promise<WaitRow | null> {
    const rows = await query<WaitRow>(
      `SELECT w.declaration_id, w.yard_code, y.name AS yard_name, w.gate_code, w.state, w.arrived_at, w.called_at,
              w.call_deadline, w.call_rule, w.missed_calls, w.checked_in_version, NULL::int AS place_in_line
         FROM yard_wait w JOIN regulation_yard y ON y.code = w.yard_code
        WHERE w.declaration_id = $1 AND w.state IN ('waiting', 'called')
        ${lock}`,
      [declarationId],
    );
    const wait = rows[0];
    if (!wait || wait.state !== 'waiting') return wait ?? null;
    return { ...wait, place_in_line: await this.placeInLine(query, wait.gate_code, declarationId, now) };
  }

  /** The declaration's wait, if it is waiting or called (for its answers and the public lookup). */
  async waitOf(declarationId: string, now: Date): Promise<WaitRow | null> {
    return this.waitWith((text, params) => this.sql.rows(text, params), declarationId, now, '');
  }

  private async placeInLine(query: Query, gate: GateCode, declarationId: string, now: Date): Promise<number | null> {
    const rows = await query<{ place_in_line: number }>(
      `SELECT place_in_line FROM (${PLACES}) p WHERE p.declaration_id = $3`,
      [gate, now, declarationId],
    );
    return rows[0]?.place_in_line ?? null;
  }

  /** A yard's trucks: those waiting in the gate's call order, then those called, by deadline. */
  line(yard: string, gate: GateCode, now: Date): Promise<LineRow[]> {
    return this.sql.rows<LineRow>(
      `SELECT w.declaration_id, d.reference, d.plate, d.direction, w.yard_code, w.state, w.arrived_at, w.queue_at,
              w.called_at, w.call_deadline, w.call_rule, w.missed_calls, d.slot_start,
              d.cargo_perishable AS perishable, c.authorised_economic_operator AS aeo, d.trip_kind = 'empty' AS empty_trip,
              p.place_in_line
         FROM yard_wait w
         JOIN declaration d ON d.id = w.declaration_id
         JOIN company c ON c.id = d.company_id
         LEFT JOIN (${PLACES}) p ON p.declaration_id = w.declaration_id
        WHERE w.yard_code = $3 AND ${LIVE_WAIT}
        ORDER BY w.state = 'called', p.place_in_line, w.call_deadline
        LIMIT 2000`,
      [gate, now, yard],
    );
  }

  /** The declaration's booked hour, or null. */
  async slotOf(manager: EntityManager, declarationId: string): Promise<Date | null> {
    const rows = await rowsIn<{ slot_start: Date | null }>(
      manager,
      `SELECT slot_start FROM declaration WHERE id = $1`,
      [declarationId],
    );
    return rows[0]?.slot_start ?? null;
  }

  /** The called truck checked in at the gate. */
  async markArrived(manager: EntityManager, declarationId: string, now: Date): Promise<void> {
    await rowsIn(
      manager,
      `UPDATE yard_wait SET state = 'arrived', ended_at = $2 WHERE declaration_id = $1 AND state = 'called'`,
      [declarationId, now],
    );
  }

  /**
   * The gate's load: its yard capacity, vehicles in its yard (checked in, not yet out), trucks called and waiting,
   * exits in the hour before `now`, and the booking window's tolerances.
   */
  async gateLoad(manager: EntityManager, gate: GateCode, now: Date): Promise<GateLoadRow> {
    const [row] = await rowsIn<GateLoadRow>(
      manager,
      `SELECT g.yard_capacity,
              (SELECT count(*) FROM declaration d WHERE d.gate_code = g.code
                  AND d.status IN ('in_yard', 'cleared', 'refused'))::int AS in_yard,
              (SELECT count(*) FILTER (WHERE w.state = 'called') FROM yard_wait w
                 JOIN declaration d ON d.id = w.declaration_id
                WHERE w.gate_code = g.code AND ${LIVE_WAIT})::int AS called,
              (SELECT count(*) FILTER (WHERE w.state = 'waiting') FROM yard_wait w
                 JOIN declaration d ON d.id = w.declaration_id
                WHERE w.gate_code = g.code AND ${LIVE_WAIT})::int AS waiting,
              (SELECT count(*) FROM declaration d WHERE d.gate_code = g.code
                  AND d.exited_at > $2::timestamptz - interval '1 hour' AND d.exited_at <= $2)::int AS exits_last_hour,
              COALESCE(extract(epoch FROM b.early_allowance), 0)::int AS early_allowance_seconds,
              COALESCE(extract(epoch FROM b.late_grace), 0)::int AS late_grace_seconds
         FROM gate g LEFT JOIN booking_rule b ON b.gate_code = g.code
        WHERE g.code = $1`,
      [gate, now],
    );
    return row;
  }

  /** The gate's cycle, locked: one call-forward run per gate at a time. */
  async lockCycle(manager: EntityManager, gate: GateCode): Promise<CycleRow | null> {
    const rows = await rowsIn<CycleRow>(
      manager,
      `SELECT turns, position, updated_at FROM priority_cycle WHERE gate_code = $1 FOR UPDATE`,
      [gate],
    );
    return rows[0] ?? null;
  }

  async advanceCycle(manager: EntityManager, gate: GateCode, position: number): Promise<void> {
    await rowsIn(manager, `UPDATE priority_cycle SET position = $2 WHERE gate_code = $1`, [gate, position]);
  }

  /** Ends the waits of trucks that no longer wait (their company cancelled): `left`. How many. */
  async endLeft(manager: EntityManager, gate: GateCode, now: Date): Promise<number> {
    const rows = await rowsIn(
      manager,
      `UPDATE yard_wait w SET state = 'left', ended_at = $2
         FROM declaration d
        WHERE d.id = w.declaration_id AND w.gate_code = $1 AND w.state IN ('waiting', 'called')
          AND d.status <> 'waiting_at_yard'
       RETURNING w.declaration_id`,
      [gate, now],
    );
    return rows.length;
  }

  /** Called trucks whose deadline passed at `now`, locked (others' locks skipped). */
  missedCalls(manager: EntityManager, gate: GateCode, now: Date): Promise<MissedCallRow[]> {
    return rowsIn<MissedCallRow>(
      manager,
      `SELECT w.declaration_id, w.yard_code, w.missed_calls, w.call_deadline, d.version
         FROM yard_wait w JOIN declaration d ON d.id = w.declaration_id AND d.status = 'waiting_at_yard'
        WHERE w.gate_code = $1 AND w.state = 'called' AND w.call_deadline <= $2
        ORDER BY w.call_deadline
          FOR UPDATE OF w SKIP LOCKED`,
      [gate, now],
    );
  }

  /** A missed call: back of the line. */
  async sendBack(manager: EntityManager, declarationId: string, now: Date): Promise<void> {
    await rowsIn(
      manager,
      `UPDATE yard_wait SET state = 'waiting', queue_at = $2, missed_calls = missed_calls + 1,
              called_at = NULL, call_deadline = NULL, call_rule = NULL
        WHERE declaration_id = $1 AND state = 'called'`,
      [declarationId, now],
    );
  }

  async endWait(manager: EntityManager, declarationId: string, state: 'expired' | 'left', now: Date): Promise<void> {
    await rowsIn(
      manager,
      `UPDATE yard_wait SET state = $2, missed_calls = missed_calls + CASE WHEN $2 = 'expired' THEN 1 ELSE 0 END,
              ended_at = $3
        WHERE declaration_id = $1 AND state IN ('waiting', 'called')`,
      [declarationId, state, now],
    );
  }

  /**
   * The trucks of the gate that may be called at `now`, in call order (booked and due by their hour, then by place
   * in line), locked; a booked truck whose hour is not due yet is not among them.
   */
  candidates(manager: EntityManager, gate: GateCode, now: Date): Promise<CandidateRow[]> {
    return rowsIn<CandidateRow>(
      manager,
      `SELECT w.declaration_id, w.yard_code, y.drive_minutes, d.cargo_perishable AS perishable,
              c.authorised_economic_operator AS aeo, d.trip_kind = 'empty' AS empty_trip
         FROM yard_wait w
         JOIN declaration d ON d.id = w.declaration_id AND d.status = 'waiting_at_yard'
         JOIN company c ON c.id = d.company_id
         JOIN regulation_yard y ON y.code = w.yard_code
         LEFT JOIN booking_rule b ON b.gate_code = w.gate_code
        WHERE w.gate_code = $1 AND w.state = 'waiting'
          AND (d.slot_start IS NULL OR d.slot_start - COALESCE(b.early_allowance, interval '0') <= $2::timestamptz)
        ORDER BY ${LINE_ORDER}
          FOR UPDATE OF w SKIP LOCKED`,
      [gate, now],
    );
  }

  async call(
    manager: EntityManager,
    call: { declarationId: string; now: Date; deadline: Date; rule: string },
  ): Promise<void> {
    await rowsIn(
      manager,
      `UPDATE yard_wait SET state = 'called', called_at = $2, call_deadline = $3, call_rule = $4
        WHERE declaration_id = $1 AND state = 'waiting'`,
      [call.declarationId, call.now, call.deadline, call.rule],
    );
  }

  async callRule(manager: EntityManager | null, gate: GateCode): Promise<CallRuleRow | null> {
    const query: Query = manager
      ? (text, params) => rowsIn(manager, text, params)
      : (text, params) => this.sql.rows(text, params);
    const rows = await query<CallRuleRow>(
      `SELECT (extract(epoch FROM reach_margin) / 60)::int AS reach_margin_minutes, missed_calls_allowed,
              (extract(epoch FROM look_ahead) / 60)::int AS look_ahead_minutes, updated_at
         FROM call_rule WHERE gate_code = $1`,
      [gate],
    );
    return rows[0] ?? null;
  }

  async setCallRule(
    gate: GateCode,
    rule: { reachMarginMinutes: number; missedCallsAllowed: number; lookAheadMinutes: number },
    officerId: string,
  ): Promise<void> {
    await this.sql.rows(
      `UPDATE call_rule SET reach_margin = make_interval(mins => $2), missed_calls_allowed = $3,
              look_ahead = make_interval(mins => $4), updated_at = now(), updated_by = $5
        WHERE gate_code = $1`,
      [gate, rule.reachMarginMinutes, rule.missedCallsAllowed, rule.lookAheadMinutes, officerId],
    );
  }

  async cycle(gate: GateCode): Promise<CycleRow | null> {
    return this.sql.one<CycleRow>(`SELECT turns, position, updated_at FROM priority_cycle WHERE gate_code = $1`, [
      gate,
    ]);
  }

  /** A new cycle starts from its first turn. */
  async setCycle(gate: GateCode, turns: PriorityTurn[], officerId: string): Promise<void> {
    await this.sql.rows(
      `UPDATE priority_cycle SET turns = $2::jsonb, position = 0, updated_at = now(), updated_by = $3
        WHERE gate_code = $1`,
      [gate, JSON.stringify(turns), officerId],
    );
  }

  /** The plate's call-forward events after audit sequence `seq`, oldest first (at most 1000). */
  callEventsSince(plate: string, seq: number): Promise<CallEventRow[]> {
    return this.sql.rows<CallEventRow>(
      `SELECT e.seq::int AS seq, d.plate, 'waiting_at_yard' AS status, d.gate_code AS gate, e.action, e.note,
              to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM declaration d JOIN declaration_event e ON e.declaration_id = d.id AND e.action LIKE 'yard.%'
              AND e.at >= d.created_at -- lets PostgreSQL skip the audit log's months before the declaration
        WHERE d.plate = $1 AND e.seq > $2
        ORDER BY e.seq LIMIT 1000`,
      [plate, seq],
    );
  }
}
