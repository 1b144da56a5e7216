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
