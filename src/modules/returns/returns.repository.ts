import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import { rowsIn, Sql } from '../../database/sql.js';
import type { ReturnAction, ReturnListState } from './return-events.js';

/** A return rule as it applies at one moment, with its lengths in seconds. */
export interface ReturnRuleRow {
  id: number;
  two_way_transport: boolean;
  allowed_seconds: number;
  warn_before_seconds: number;
}

/** An open return as the gate's list shows it. */
export interface OpenReturnRow {
  declaration_id: string;
  reference: string;
  plate: string;
  two_way_transport: boolean;
  exited_at: Date;
  due_at: Date;
  overdue_seconds: number;
}

export interface ReturnCounts {
  awaiting: number;
  overdue: number;
}

// The rule in force at $at for a vehicle with (or without, $two_way false) a two-way transport permit: a two-way
// rule before an ordinary one for a permit holder, then the latest valid_from; never a two-way rule without a permit.
const RULE_IN_FORCE = (at: string, twoWay: string) => `
  SELECT r.id, r.two_way_transport, r.allowed, r.warn_before
    FROM return_rule r
   WHERE r.valid_from <= ${at} AND (r.valid_until IS NULL OR ${at} < r.valid_until)
     AND (NOT r.two_way_transport OR ${twoWay})
   ORDER BY r.two_way_transport DESC, r.valid_from DESC, r.id DESC
   LIMIT 1`;

// One statement per reminder: mark the open returns whose moment has come, and append their audit records. Rows
// another watcher holds are skipped (SKIP LOCKED), and a row already marked no longer matches, so two watchers,
// or a run repeated after a crash, never remind twice.
const REMIND = (action: ReturnAction, markColumn: 'warned_at' | 'overdue_at', dueColumn: 'warn_at' | 'due_at') => `
WITH marked AS (
  UPDATE declaration_return r SET ${markColumn} = now()
   WHERE r.declaration_id IN (
           SELECT declaration_id FROM declaration_return
            WHERE ${dueColumn} <= now() AND returned_at IS NULL AND ${markColumn} IS NULL
            ORDER BY ${dueColumn} LIMIT $1
              FOR UPDATE SKIP LOCKED)
     AND r.${dueColumn} <= now() AND r.returned_at IS NULL AND r.${markColumn} IS NULL
  RETURNING r.declaration_id, r.gate_code, r.due_at
)
INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
SELECT m.declaration_id, m.gate_code, '${action}', 'system:returns',
       'due ' || to_char(m.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), date_trunc('milliseconds', now())
  FROM marked m
RETURNING declaration_id`;

/** A return event of a plate, for a reconnecting live viewer: the declaration's status is `exited` by then. */
export interface ReturnEventRow {
  seq: number;
  plate: string;
  status: 'exited';
  gate: GateCode;
  at: string;
  action: ReturnAction;
}

/** Most reminders of one kind one watcher run sends; a full batch runs again at once. */
export const REMINDER_BATCH = 500;

/** The return deadlines of vehicles that crossed for a delivery: opened at exit, closed at the return check-in. */
@Injectable()
export class ReturnsRepository {
  constructor(private readonly sql: Sql) {}

  /** The rule in force at `at` for a vehicle with or without a two-way transport permit; null when none is. */
  async ruleAt(at: Date, twoWayTransport: boolean): Promise<ReturnRuleRow | null> {
    const rows = await this.sql.rows<ReturnRuleRow>(
      `SELECT id, two_way_transport, extract(epoch FROM allowed)::int AS allowed_seconds,
              extract(epoch FROM warn_before)::int AS warn_before_seconds
         FROM (${RULE_IN_FORCE('$1::timestamptz', '$2::boolean')}) rule`,
      [at, twoWayTransport],
    );
    return rows[0] ?? null;
  }

  /**
   * Opens the return of a vehicle leaving now, by the rule in force now. Call inside the exit's transaction (its
   * `now()` is the exit time). Null when no rule is in force.
   */
  async open(
    manager: EntityManager,
    exit: { declarationId: string; gate: GateCode; twoWayTransport: boolean },
  ): Promise<{ dueAt: Date } | null> {
    const rows = await rowsIn<{ due_at: Date }>(
      manager,
      `INSERT INTO declaration_return (declaration_id, gate_code, rule_id, exited_at, due_at, warn_at)
       SELECT $1, $2, rule.id, now(), now() + rule.allowed, now() + rule.allowed - rule.warn_before
         FROM (${RULE_IN_FORCE('now()', '$3::boolean')}) rule
       RETURNING due_at`,
      [exit.declarationId, exit.gate, exit.twoWayTransport],
    );
    return rows[0] ? { dueAt: rows[0].due_at } : null;
  }

  /** The plate's open return, locked; inside the caller's transaction. */
  async lockOpenByPlate(manager: EntityManager, plate: string): Promise<{ declaration_id: string } | null> {
    const rows = await rowsIn<{ declaration_id: string }>(
      manager,
      `SELECT r.declaration_id FROM declaration_return r JOIN declaration d ON d.id = r.declaration_id
        WHERE d.plate = $1 AND r.returned_at IS NULL
        ORDER BY r.exited_at DESC LIMIT 1
          FOR UPDATE OF r`,
      [plate],
    );
    return rows[0] ?? null;
  }

  /** Whether any declaration carries this plate. */
  async plateKnown(manager: EntityManager, plate: string): Promise<boolean> {
    const rows = await rowsIn<{ known: boolean }>(
      manager,
      'SELECT EXISTS (SELECT 1 FROM declaration WHERE plate = $1) AS known',
      [plate],
    );
    return rows[0]?.known ?? false;
  }

  /** Closes an open return; the row as it now is, with the vehicle's reference. */
  async close(
    manager: EntityManager,
    declarationId: string,
    gate: GateCode,
  ): Promise<{ reference: string; plate: string; exited_at: Date; due_at: Date; returned_at: Date; late: boolean }> {
    const rows = await rowsIn<{
      reference: string;
      plate: string;
      exited_at: Date;
      due_at: Date;
      returned_at: Date;
      late: boolean;
    }>(
      manager,
      `UPDATE declaration_return r SET returned_at = now(), returned_gate = $2
         FROM declaration d
        WHERE r.declaration_id = $1 AND d.id = r.declaration_id AND r.returned_at IS NULL
        RETURNING d.reference, d.plate, r.exited_at, r.due_at, r.returned_at, r.returned_at > r.due_at AS late`,
      [declarationId, gate],
    );
    return rows[0];
  }

  /** The open returns of vehicles that left by `gate`, soonest deadline first (at most 500). */
  list(gate: GateCode, state: ReturnListState): Promise<OpenReturnRow[]> {
    return this.sql.rows<OpenReturnRow>(
      `SELECT r.declaration_id, d.reference, d.plate, d.two_way_transport, r.exited_at, r.due_at,
              greatest(0, floor(extract(epoch FROM now() - r.due_at)))::int AS overdue_seconds
         FROM declaration_return r JOIN declaration d ON d.id = r.declaration_id
        WHERE r.gate_code = $1 AND r.returned_at IS NULL
          AND CASE WHEN $2 = 'overdue' THEN r.due_at <= now() ELSE r.due_at > now() END
        ORDER BY r.due_at, r.declaration_id
        LIMIT 500`,
      [gate, state],
    );
  }

  /** Open returns of vehicles that left by `gate`: still within their time, and past it. */
  async counts(gate: GateCode): Promise<ReturnCounts> {
    const row = await this.sql.one<ReturnCounts>(
      `SELECT count(*) FILTER (WHERE due_at > now())::int AS awaiting,
              count(*) FILTER (WHERE due_at <= now())::int AS overdue
         FROM declaration_return WHERE gate_code = $1 AND returned_at IS NULL`,
      [gate],
    );
    return row ?? { awaiting: 0, overdue: 0 };
  }

  /** The plate's return events after audit sequence `seq`, oldest first (at most 1000). */
  eventsSince(plate: string, seq: number): Promise<ReturnEventRow[]> {
    return this.sql.rows<ReturnEventRow>(
      `SELECT e.seq::int AS seq, d.plate, 'exited' AS status, d.gate_code AS gate, e.action,
              to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM declaration d JOIN declaration_event e ON e.declaration_id = d.id AND e.action LIKE 'return.%'
              AND e.at >= d.exited_at -- a return's records come after its exit: skips the log's earlier months
        WHERE d.plate = $1 AND d.exited_at IS NOT NULL AND e.seq > $2
        ORDER BY e.seq LIMIT 1000`,
      [plate, seq],
    );
  }

  /** Marks up to REMINDER_BATCH open returns whose warning time came, with their audit records; how many. */
  async warnDueSoon(): Promise<number> {
    return (await this.sql.rows(REMIND('return.due_soon', 'warned_at', 'warn_at'), [REMINDER_BATCH])).length;
  }

  /** Marks up to REMINDER_BATCH open returns whose deadline passed, with their audit records; how many. */
  async reportOverdue(): Promise<number> {
    return (await this.sql.rows(REMIND('return.overdue', 'overdue_at', 'due_at'), [REMINDER_BATCH])).length;
  }
}
