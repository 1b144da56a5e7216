import { Injectable } from '@nestjs/common';
import type { GateCode } from '../../common/domain/gate-code.js';
import { Sql } from '../../database/sql.js';

/** One regulation yard of a gate and the trucks at it now. */
export interface YardCountRow {
  code: string;
  name: string;
  name_en: string;
  capacity: number;
  open: boolean;
  /** Checked in and waiting for their call. */
  waiting: number;
  /** Called forward, on their way to the gate. */
  called: number;
}

/** A gate's regulation yards with their counts, and the call rule's look-ahead the forecast supplies for. */
export interface GateYardCounts {
  yards: YardCountRow[];
  look_ahead_minutes: number;
}

// Through IDX_yard_wait_yard (yard_code, state): only the live states are counted.
const COUNTS = `
SELECT coalesce((SELECT json_agg(y ORDER BY y.code) FROM (
         SELECT r.code, r.name, r.name_en, r.capacity, r.open,
                count(w.declaration_id) FILTER (WHERE w.state = 'waiting')::int AS waiting,
                count(w.declaration_id) FILTER (WHERE w.state = 'called')::int AS called
           FROM regulation_yard r
           LEFT JOIN yard_wait w ON w.yard_code = r.code AND w.state IN ('waiting', 'called')
          WHERE r.gate_code = $1
          GROUP BY r.code) y), '[]') AS yards,
       coalesce((SELECT extract(epoch FROM c.look_ahead)::int / 60 FROM call_rule c WHERE c.gate_code = $1), 60)
         AS look_ahead_minutes`;

/** Counts of the trucks at a gate's regulation yards, for the board and its forecast. */
@Injectable()
export class YardCountsRepository {
  constructor(private readonly sql: Sql) {}

  /** Read from a replica when there is one (the public board reads it). */
  async counts(gate: GateCode): Promise<GateYardCounts> {
    return (await this.sql.readOne<GateYardCounts>(COUNTS, [gate])) ?? { yards: [], look_ahead_minutes: 60 };
  }
}
