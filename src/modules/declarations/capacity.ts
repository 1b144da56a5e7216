import type { EntityManager } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { rowsIn } from '../../database/sql.js';
import type { DeclarationStatus } from './declaration-status.js';

/**
 * Gives back the gate-day slot an accepted declaration holds, and its booked hour in the hourly ledger when it has
 * one (the booking itself stays on the declaration, so a late cancellation can still be counted). Call inside the
 * transaction that moves it out of `accepted` (cancel, expiry, amendment), before its arrival day changes.
 */
export async function releaseCapacity(manager: EntityManager, declarationId: string): Promise<void> {
  await rowsIn(
    manager,
    `UPDATE gate_day_load l SET accepted = l.accepted - 1
       FROM declaration d
      WHERE d.id = $1 AND l.gate_code = d.gate_code AND l.direction = d.direction AND l.day = d.arrival_day
        AND l.accepted > 0`,
    [declarationId],
  );
  await releaseSlot(manager, declarationId);
}

/**
 * Takes one of the gate-day's `capacity` slots for an accepted declaration; false when none is left. Call
 * inside the transaction that moves it to `accepted`.
 */
export async function reserveCapacity(
  manager: EntityManager,
  slot: { gate: string; direction: string; day: string; capacity: number },
): Promise<boolean> {
  // Conditional increment: concurrent screeners can never take more slots than the gate has.
  const reserved = await rowsIn(
    manager,
    `INSERT INTO gate_day_load AS l (gate_code, direction, day, accepted)
           SELECT $1, $2, $3::date, 1 WHERE $4::int > 0
           ON CONFLICT (gate_code, direction, day) DO UPDATE SET accepted = l.accepted + 1 WHERE l.accepted < $4::int
           RETURNING accepted`,
    [slot.gate, slot.direction, slot.day, slot.capacity],
  );
  return reserved.length > 0;
}

/**
 * Takes one booking of the hour starting at `slotStart` in the hourly ledger, if fewer than `capacity` are taken;
 * false when the hour is full. Call inside the transaction that accepts the declaration or moves its booking.
 */
export async function reserveSlot(
  manager: EntityManager,
  slot: { gate: string; direction: string; slotStart: Date; capacity: number },
): Promise<boolean> {
  // The same conditional increment as the day's: concurrent bookings never take more than the hour has.
  const reserved = await rowsIn(
    manager,
    `INSERT INTO gate_hour_load AS l (gate_code, direction, slot_start, booked)
           SELECT $1, $2, $3::timestamptz, 1 WHERE $4::int > 0
           ON CONFLICT (gate_code, direction, slot_start) DO UPDATE SET booked = l.booked + 1 WHERE l.booked < $4::int
           RETURNING booked`,
    [slot.gate, slot.direction, slot.slotStart, slot.capacity],
  );
  return reserved.length > 0;
}

/** Gives back the ledger's booking of the declaration's hour (nothing when it has none). In the caller's transaction. */
export async function releaseSlot(manager: EntityManager, declarationId: string): Promise<void> {
  await rowsIn(
    manager,
    `UPDATE gate_hour_load l SET booked = l.booked - 1
       FROM declaration d
      WHERE d.id = $1 AND d.slot_start IS NOT NULL AND l.gate_code = d.gate_code AND l.direction = d.direction
        AND l.slot_start = d.slot_start AND l.booked > 0`,
    [declarationId],
  );
}

/** A declaration as booking an hour sees it, locked. */
export interface SlotHolder {
  id: string;
  company_id: string;
  status: DeclarationStatus;
  version: number;
  gate_code: GateCode;
  direction: Direction;
  plate: string;
  slot_start: Date | null;
  expected_arrival_at: Date;
  arrival_day: string;
  /** The local day (gate's time zone) of `slot_start` asked about, when one was given. */
  asked_day: string | null;
}

/**
 * Locks the declaration (of `companyId`, or any company when null) for a change of its booked hour; `askedSlot`
 * (optional) comes back as its local day at the gate. Null when there is no such declaration.
 */
export async function lockSlotHolder(
  manager: EntityManager,
  declarationId: string,
  companyId: string | null,
  askedSlot: Date | null = null,
): Promise<SlotHolder | null> {
  const rows = await rowsIn<SlotHolder>(
    manager,
    `SELECT d.id, d.company_id, d.status, d.version, d.gate_code, d.direction, d.plate, d.slot_start,
            d.expected_arrival_at, d.arrival_day::text AS arrival_day,
            ($3::timestamptz AT TIME ZONE g.timezone)::date::text AS asked_day
       FROM declaration d JOIN gate g ON g.code = d.gate_code
      WHERE d.id = $1 AND ($2::uuid IS NULL OR d.company_id = $2::uuid)
        FOR NO KEY UPDATE OF d`,
    [declarationId, companyId, askedSlot],
  );
  return rows[0] ?? null;
}

/**
 * Books `slotStart` on the declaration (null: releases its booking) and, when booked, makes it the expected
 * arrival; with its audit record (`slot.booked`, `slot.moved` or `slot.released`). The ledger is the caller's
 * (reserveSlot/releaseSlot), in the same transaction.
 */
export async function setSlot(
  manager: EntityManager,
  change: { declarationId: string; slotStart: Date | null; action: string; actor: string; note: string | null },
): Promise<void> {
  await rowsIn(
    manager,
    `WITH changed AS (
       UPDATE declaration SET slot_start = $2::timestamptz,
              expected_arrival_at = COALESCE($2::timestamptz, expected_arrival_at),
              updated_at = date_trunc('milliseconds', now())
        WHERE id = $1
        RETURNING id, gate_code, updated_at)
     INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
     SELECT id, gate_code, $3, $4, $5, updated_at FROM changed`,
    [change.declarationId, change.slotStart, change.action, change.actor, change.note],
  );
}

/** The hour a declaration holds, read under its row lock inside the accepting transaction. */
export async function slotOf(manager: EntityManager, declarationId: string): Promise<Date | null> {
  const rows = await rowsIn<{ slot_start: Date | null }>(
    manager,
    'SELECT slot_start FROM declaration WHERE id = $1 FOR NO KEY UPDATE',
    [declarationId],
  );
  return rows[0]?.slot_start ?? null;
}

/** A booking that lapsed: the declaration, whose it was, and the hour it held. */
export interface LapsedBooking {
  id: string;
  company_id: string;
  plate: string;
  gate_code: GateCode;
  slot_start: Date;
}

/**
 * No-shows: up to `limit` accepted declarations of `gate` booked for an hour starting at or before `latestSlot`
 * (the caller's `now − 1 h − late grace`) lose their booking in one statement: the ledger gives the hours back,
 * `slot_start` becomes null, and each gets its `slot.no_show` audit record. Rows another watcher holds are skipped.
 */
export async function takeNoShows(
  manager: EntityManager,
  gate: GateCode,
  latestSlot: Date,
  limit: number,
  actor: string,
): Promise<LapsedBooking[]> {
  return rowsIn<LapsedBooking>(
    manager,
    `WITH due AS (
       SELECT id, company_id, plate, gate_code, direction, slot_start FROM declaration
        WHERE gate_code = $1 AND status = 'accepted' AND slot_start IS NOT NULL AND slot_start <= $2::timestamptz
        ORDER BY slot_start LIMIT $3
          FOR NO KEY UPDATE SKIP LOCKED
     ), hours AS (
       SELECT gate_code, direction, slot_start, count(*)::int AS n FROM due GROUP BY 1, 2, 3
     ), released AS (
       UPDATE gate_hour_load l SET booked = greatest(l.booked - h.n, 0)
         FROM hours h
        WHERE l.gate_code = h.gate_code AND l.direction = h.direction AND l.slot_start = h.slot_start
     ), cleared AS (
       UPDATE declaration d SET slot_start = NULL, updated_at = date_trunc('milliseconds', now())
         FROM due WHERE d.id = due.id
     ), audit AS (
       INSERT INTO declaration_event (declaration_id, gate_code, action, actor, note, at)
       SELECT id, gate_code, 'slot.no_show', $4,
              'slot ' || to_char(slot_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              date_trunc('milliseconds', now())
         FROM due
     )
     SELECT id, company_id, plate, gate_code, slot_start FROM due`,
    [gate, latestSlot, limit, actor],
  );
}

/** A booked declaration cancelled shortly before its hour. */
export interface CancelledBooking extends LapsedBooking {
  cancelled_at: Date;
}

/**
 * Declarations of `gate` cancelled while booked for an hour starting at or after `since`, less than
 * `lateCancellationSeconds` before that hour started (the caller counts each once).
 */
export async function lateCancellations(
  manager: EntityManager,
  gate: GateCode,
  since: Date,
  lateCancellationSeconds: number,
): Promise<CancelledBooking[]> {
  return rowsIn<CancelledBooking>(
    manager,
    `SELECT id, company_id, plate, gate_code, slot_start, updated_at AS cancelled_at FROM declaration
      WHERE gate_code = $1 AND status = 'cancelled' AND slot_start IS NOT NULL AND slot_start >= $2::timestamptz
        AND updated_at > slot_start - make_interval(secs => $3::double precision)
      ORDER BY slot_start LIMIT 500`,
    [gate, since, lateCancellationSeconds],
  );
}
