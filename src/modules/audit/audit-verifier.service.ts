import { Injectable } from '@nestjs/common';
import { Sql } from '../../database/sql.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import { AuditCheckpointFile } from './audit-checkpoint-file.js';
import { AuditCheckpoints } from './audit-checkpoints.service.js';

export type AuditProblem =
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'gap'
  | 'head_mismatch'
  | 'unsealed_behind_head'
  | 'checkpoint_signature'
  | 'checkpoint_beyond_head'
  | 'checkpoint_mismatch';

export interface AuditVerification {
  ok: boolean;
  records: number;
  /** Signed checkpoints compared with the chain; `archived`: older than the oldest record still online. */
  checkpoints: { checked: number; archived: number; latest: { seq: number; at: string } | null };
  /**
   * The first thing that does not hold, and why: a record (by seq, or by id when it has no seq), or a line of
   * the checkpoint file.
   */
  broken?: { seq?: number; id?: string; line?: number; problem: AuditProblem };
}

type Broken = NonNullable<AuditVerification['broken']>;

const BATCH = 5000;
const GENESIS = Buffer.from([0]);

/** The chain alone, from seq 1 to the head: what every schema version since the chain began can answer. */
export class AuditChainWalk {
  constructor(private readonly sql: Sql) {}

  async walk(): Promise<{ ok: boolean; records: number; headSeq: number; broken?: Broken }> {
    // The head first: the sealer keeps chaining while we walk, so verify the chain up to this head exactly, and
    // leave records sealed after it for the next run (sealed records never change).
    const head = await this.sql.one<{ seq: string; hash: Buffer }>(
      'SELECT seq, hash FROM audit_chain_head WHERE id = 1',
    );
    const headSeq = Number(head?.seq ?? 0);
    const fail = (broken: Broken) => ({ ok: false, records, headSeq, broken });
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
        if (seq !== previousSeq + 1) return fail({ seq, problem: 'gap' });
        if (!row.prev_hash.equals(previousHash)) return fail({ seq, problem: 'prev_hash_mismatch' });
        if (!row.recomputed.equals(row.hash)) return fail({ seq, problem: 'hash_mismatch' });
        previousSeq = seq;
        previousHash = row.hash;
        records += 1;
      }
      if (rows.length < BATCH) break;
    }
    if (!head || previousSeq !== headSeq || !head.hash.equals(previousHash)) {
      return fail({ seq: previousSeq + 1, problem: 'head_mismatch' });
    }
    return { ok: true, records, headSeq };
  }
}

/**
 * Walks the audit log in sequence order and recomputes every hash with the same SQL function that wrote it:
 * an edited record breaks its own hash, a removed one leaves a gap, a rewritten tail no longer meets the head.
 * Then holds the chain against the signed checkpoints kept outside the database: a tail cut off with the head
 * wound back, or a record re-sealed before a checkpoint, no longer matches what was signed then.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly sql: Sql,
    private readonly checkpointFile: AuditCheckpointFile,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  async verify(): Promise<AuditVerification> {
    const summary: AuditVerification['checkpoints'] = { checked: 0, archived: 0, latest: null };
    const chain = await new AuditChainWalk(this.sql).walk();
    const fail = (broken: Broken): AuditVerification => ({
      ok: false,
      records: chain.records,
      checkpoints: summary,
      broken,
    });
    if (chain.broken) return fail(chain.broken);
    const { records, headSeq } = chain;

    const blanked = await this.unsealedBehindHead(1);
    if (blanked.length) return fail({ id: blanked[0].id, problem: 'unsealed_behind_head' });

    const broken = await this.checkCheckpoints(headSeq, summary);
    return broken ? fail(broken) : { ok: true, records, checkpoints: summary };
  }

  /**
   * Records without a seq that the sealer has already passed (and did not leave pending for a late commit): they
   * were sealed once and their chain fields were blanked since. The sealer never seals them again.
   */
  unsealedBehindHead(limit = 100): Promise<{ id: string; at: Date }[]> {
    return this.sql.rows(
      `SELECT e.id, e.at FROM declaration_event e JOIN audit_chain_head h ON h.id = 1
        WHERE e.seq IS NULL AND e.id <= h.last_id AND NOT (e.id <@ h.pending_ids)
        ORDER BY e.id LIMIT $1`,
      [limit],
    );
  }

  private async checkCheckpoints(headSeq: number, summary: AuditVerification['checkpoints']): Promise<Broken | null> {
    const lines = await this.checkpointFile.read();
    const signed: (AuditCheckpoint & { line: number })[] = [];
    for (const { line, value } of lines) {
      if (!this.checkpoints.signer.verify(value)) return { line, problem: 'checkpoint_signature' };
      signed.push({ ...value, line });
    }
    if (!signed.length) return null;
    const latest = signed[signed.length - 1];
    summary.latest = { seq: latest.seq, at: latest.at };
    // A checkpoint past the head: records it covered were cut off and the head wound back.
    const beyond = signed.find((c) => c.seq > headSeq);
    if (beyond) return { seq: beyond.seq, line: beyond.line, problem: 'checkpoint_beyond_head' };

    const online = await this.sql.rows<{ seq: string; hash: Buffer }>(
      `SELECT seq, hash FROM declaration_event WHERE seq = ANY($1::bigint[])`,
      [[...new Set(signed.map((c) => c.seq))]],
    );
    const hashAt = new Map(online.map((r) => [Number(r.seq), r.hash.toString('hex')]));
    // Months archived by the retention procedure leave the database: their checkpoints cannot be compared here.
    const oldest = await this.sql.one<{ seq: string | null }>('SELECT min(seq) AS seq FROM declaration_event');
    const oldestSeq = Number(oldest?.seq ?? 0);
    for (const c of signed) {
      if (c.seq < oldestSeq) {
        summary.archived += 1;
        continue;
      }
      if (hashAt.get(c.seq) !== c.hash) return { seq: c.seq, line: c.line, problem: 'checkpoint_mismatch' };
      summary.checked += 1;
    }
    return null;
  }
}
