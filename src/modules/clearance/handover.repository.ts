import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import type { DeclarationStatus } from '../declarations/declaration-status.js';

/** The delivering leg of a handover, as the receiving leg's exit needs to know it. */
export interface DeliveringLeg {
  id: string;
  reference: string;
  status: DeclarationStatus;
  /** Every step of the delivering leg passed: it was cleared (and may have left since). */
  cleared: boolean;
}

@Injectable()
export class HandoverRepository {
  /** The delivering leg `id`; inside the caller's transaction. Null when there is none. */
  async deliveringLeg(manager: EntityManager, id: string): Promise<DeliveringLeg | null> {
    const rows = await rowsIn<DeliveringLeg>(
      manager,
      `SELECT d.id, d.reference, d.status,
              EXISTS (SELECT 1 FROM clearance_step s WHERE s.declaration_id = d.id)
                AND NOT EXISTS (SELECT 1 FROM clearance_step s WHERE s.declaration_id = d.id AND s.status <> 'passed')
                AS cleared
         FROM declaration d WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
