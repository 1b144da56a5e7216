import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import { rowsIn, Sql } from '../../database/sql.js';
import type { StrikeKind } from './booking-strike.entity.js';

/** A booking suspension as the lists and the lift show it. */
export interface SuspensionRow {
  id: string;
  company_id: string;
  plate: string | null;
  reason: string;
  strikes: number;
  starts_at: Date;
  ends_at: Date;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_note: string | null;
  declaration_id: string | null;
}

/** One strike to record. */
export interface NewStrike {
  declarationId: string;
  companyId: string;
  plate: string;
  gate: GateCode;
  slotStart: Date;
  at: Date;
}

const SUSPENSION_COLUMNS = `id, company_id, plate, reason, strikes, starts_at, ends_at, lifted_at, lifted_by, lift_note,
  declaration_id`;

// In force at $at: not lifted, not ended (a suspension is in force from the moment it is opened).
const IN_FORCE = (at: string) => `lifted_at IS NULL AND ${at} < ends_at`;

// Opens a suspension of the vehicle ($2 plate) or, with $2 null, of the company ($1), when its strikes since the
// later of the window's start and its last suspension's start reach the limit and none is in force; one statement,
// so two watchers never open two. $3 now, $4 window (s), $5 limit, $6 length (s), $7 the triggering declaration.
const OPEN_SUSPENSION = `
WITH counted AS (
  SELECT count(*)::int AS n FROM booking_strike s
   WHERE (CASE WHEN $2::text IS NULL THEN s.company_id = $1 ELSE s.plate = $2 END)
     AND s.at > greatest($3::timestamptz - make_interval(secs => $4::double precision),
                         COALESCE((SELECT max(b.starts_at) FROM booking_suspension b
                                    WHERE b.company_id = $1 AND b.plate IS NOT DISTINCT FROM $2::text), '-infinity'))
)
INSERT INTO booking_suspension (company_id, plate, reason, strikes, starts_at, ends_at, declaration_id)
SELECT $1, $2::text,
       counted.n || CASE WHEN $2::text IS NULL THEN ' no-shows or late cancellations by the company'
                         ELSE ' no-shows or late cancellations of this vehicle' END
         || ' within ' || round($4::numeric / 86400) || ' days',
       counted.n, $3::timestamptz, $3::timestamptz + make_interval(secs => $6::double precision), $7
  FROM counted
 WHERE counted.n >= $5
   AND NOT EXISTS (SELECT 1 FROM booking_suspension b
                    WHERE b.company_id = $1 AND b.plate IS NOT DISTINCT FROM $2::text AND ${IN_FORCE('$3::timestamptz')})
RETURNING ${SUSPENSION_COLUMNS}`;

/** Strikes against bookings kept badly, and the suspensions they lead to. */
@Injectable()
export class BookingSanctionsRepository {
  constructor(private readonly sql: Sql) {}

  /** Records the strikes not recorded yet (one per declaration and kind); the ones recorded now. */
  async addStrikes(manager: EntityManager, kind: StrikeKind, strikes: NewStrike[]): Promise<NewStrike[]> {
    if (strikes.length === 0) return [];
    const rows = await rowsIn<{ declaration_id: string }>(
      manager,
      `INSERT INTO booking_strike (declaration_id, company_id, plate, gate_code, kind, slot_start, at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       ON CONFLICT ON CONSTRAINT "UQ_booking_strike_declaration" DO NOTHING
       RETURNING declaration_id`,
      [
        strikes.map((s) => s.declarationId),
        strikes.map((s) => s.companyId),
        strikes.map((s) => s.plate),
        strikes.map((s) => s.gate),
        strikes.map(() => kind),
        strikes.map((s) => s.slotStart),
        strikes.map((s) => s.at),
      ],
    );
    const recorded = new Set(rows.map((r) => r.declaration_id));
    return strikes.filter((s) => recorded.has(s.declarationId));
  }

  /** See OPEN_SUSPENSION; null when none was opened. `plate` null: the company's. */
  async openSuspensionIfDue(
    manager: EntityManager,
    scope: { companyId: string; plate: string | null; declarationId: string },
    now: Date,
    rule: { windowSeconds: number; limit: number; suspensionSeconds: number },
  ): Promise<SuspensionRow | null> {
    const rows = await rowsIn<SuspensionRow>(manager, OPEN_SUSPENSION, [
      scope.companyId,
      scope.plate,
      now,
      rule.windowSeconds,
      rule.limit,
      rule.suspensionSeconds,
      scope.declarationId,
    ]);
    return rows[0] ?? null;
  }

  /** The suspension in force at `at` for the vehicle (any company's booking of it) or the company; the longest. */
  inForce(companyId: string, plate: string, at: Date): Promise<SuspensionRow | null> {
    return this.sql.one<SuspensionRow>(
      `SELECT ${SUSPENSION_COLUMNS} FROM booking_suspension
        WHERE ((plate = $2) OR (plate IS NULL AND company_id = $1)) AND ${IN_FORCE('$3::timestamptz')}
        ORDER BY ends_at DESC LIMIT 1`,
      [companyId, plate, at],
    );
  }

  /** The company's suspensions in force at `at`. */
  ofCompany(companyId: string, at: Date): Promise<SuspensionRow[]> {
    return this.sql.rows<SuspensionRow>(
      `SELECT ${SUSPENSION_COLUMNS} FROM booking_suspension WHERE company_id = $1 AND ${IN_FORCE('$2::timestamptz')}
        ORDER BY ends_at DESC LIMIT 500`,
      [companyId, at],
    );
  }

  /** Suspensions in force at `at` that strikes at `gate` led to. */
  atGate(gate: GateCode, at: Date): Promise<SuspensionRow[]> {
    return this.sql.rows<SuspensionRow>(
      `SELECT ${SUSPENSION_COLUMNS} FROM booking_suspension b
        WHERE ${IN_FORCE('$2::timestamptz')}
          AND EXISTS (SELECT 1 FROM booking_strike s
                       WHERE s.gate_code = $1 AND s.company_id = b.company_id
                         AND (b.plate IS NULL OR s.plate = b.plate))
        ORDER BY b.ends_at DESC LIMIT 500`,
      [gate, at],
    );
  }

  /** The suspension and the gates its strikes were at, locked for a lift. */
  async lockForLift(manager: EntityManager, id: string): Promise<(SuspensionRow & { gates: GateCode[] }) | null> {
    const rows = await rowsIn<SuspensionRow & { gates: GateCode[] }>(
      manager,
      `SELECT ${SUSPENSION_COLUMNS},
              ARRAY(SELECT DISTINCT s.gate_code FROM booking_strike s
                     WHERE s.company_id = b.company_id AND (b.plate IS NULL OR s.plate = b.plate)) AS gates
         FROM booking_suspension b WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lift(manager: EntityManager, id: string, officerId: string, note: string, at: Date): Promise<SuspensionRow> {
    const rows = await rowsIn<SuspensionRow>(
      manager,
      `UPDATE booking_suspension SET lifted_at = $4, lifted_by = $2, lift_note = $3 WHERE id = $1
       RETURNING ${SUSPENSION_COLUMNS}`,
      [id, officerId, note, at],
    );
    return rows[0];
  }
}
