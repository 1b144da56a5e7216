import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';

/**
 * Gives back the gate-day slot an accepted declaration holds. Call inside the transaction that moves it
 * out of `accepted` (cancel, expiry, amendment), before its arrival day changes.
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
