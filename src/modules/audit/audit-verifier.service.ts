import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';

export interface AuditVerification {
  ok: boolean;
  records: number;
  /** The first record whose chain does not hold, and why. */
  broken?: { seq: number; problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' };
}

const BATCH = 5000;
const GENESIS = Buffer.from([0]);

/**
 * Walks the audit log in sequence order and recomputes every hash with the same SQL function that wrote it:
 * an edited record breaks its own hash, a removed one leaves a gap, a rewritten tail no longer meets the head.
 */
@Injectable()
export class AuditVerifier {
  constructor(private readonly sql: Sql) {}

  async verify(): Promise<AuditVerification> {
    // The head first: the sealer keeps chaining while we walk, so verify the chain up to this head exactly, and
    // leave records sealed after it for the next run (sealed records never change).
    const head = await this.sql.one<{ seq: string; hash: Buffer }>(
      'SELECT seq, hash FROM audit_chain_head WHERE id = 1',
    );
    const headSeq = Number(head?.seq ?? 0);
    let previousSeq = 0;
    let previousHash: Buffer = GENESIS;
    let records = 0;
    for (;;) {
      const rows = await this.sql.rows<{ seq: string; prev_hash: Buffer; hash: Buffer; recomputed: Buffer }>(
        `SELECT seq, prev_hash, hash, sha256(prev_hash || convert_to(audit_payload(e), 'UTF8')) AS recomputed
           FROM declaration_event e WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${BATCH}`,
        [previousSeq, headSeq],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== previousSeq + 1) return { ok: false, records, broken: { seq, problem: 'gap' } };
        if (!row.prev_hash.equals(previousHash))
          return { ok: false, records, broken: { seq, problem: 'prev_hash_mismatch' } };
        if (!row.recomputed.equals(row.hash)) return { ok: false, records, broken: { seq, problem: 'hash_mismatch' } };
        previousSeq = seq;
        previousHash = row.hash;
        records += 1;
      }
      if (rows.length < BATCH) break;
    }
    if (!head || previousSeq !== headSeq || !head.hash.equals(previousHash)) {
      return { ok: false, records, broken: { seq: previousSeq + 1, problem: 'head_mismatch' } };
    }
    return { ok: true, records };
  }
}
