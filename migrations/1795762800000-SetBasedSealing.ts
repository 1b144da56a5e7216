import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_seal() writes a batch with one UPDATE instead of one UPDATE per record.
 *
 * Before: the loop ran `UPDATE declaration_event … WHERE id = r.id AND at = r.at` once per record, and each of
 * those statements was planned against the partitioned table (28 monthly partitions) before being pruned to one.
 * Under submission load that overhead made sealing about a fifth of all PostgreSQL execution time (23 ms per call,
 * 0.43 ms per record, of which the UPDATE itself 0.125 ms).
 *
 * After: the same loop over the same records (unsealed, committed, in id order, under the chain head taken with
 * SKIP LOCKED) computes each record's seq, prev_hash and hash in memory, and one UPDATE … FROM unnest(…) writes
 * them all; the head moves once. Same chain, same values, same guard: the append-only trigger still sees and
 * allows each record's sealing. down() puts the per-record function back as it was.
 */
export class SetBasedSealing1795762800000 implements MigrationInterface {
  name = 'SetBasedSealing1795762800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SET_BASED);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE OR REPLACE FUNCTION audit_seal(max_records integer) RETURNS integer LANGUAGE plpgsql AS $$${PER_RECORD}$$`,
    );
  }
}

/**
 * The UPDATE finds each record by its primary key (id, at) in its own partition: a nested loop over the batch,
 * partitions pruned at run time per record. The planner cannot price that pruning (it counts a probe of every
 * partition per record) and would rather hash whole partitions, and a plan cached while a month was still empty
 * would keep scanning that partition once it fills; hence the function's planner settings. `at` is matched as a
 * closed range, not with `=`: the same pruning, but only the primary key serves it as a point lookup (with `=` the
 * planner takes the smaller `at` index and reads every record sharing that millisecond).
 */
const SET_BASED = `
  CREATE OR REPLACE FUNCTION audit_seal(max_records integer) RETURNS integer LANGUAGE plpgsql
  SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
  DECLARE
    head audit_chain_head; r declaration_event; sealed integer := 0; updated integer;
    ids bigint[] := '{}'; ats timestamptz[] := '{}'; seqs bigint[] := '{}'; prevs bytea[] := '{}'; hashes bytea[] := '{}';
  BEGIN
    SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN RETURN 0; END IF; -- another sealer is at work
    FOR r IN SELECT * FROM declaration_event WHERE seq IS NULL ORDER BY id LIMIT max_records LOOP
      r.seq := head.seq + 1;
      r.prev_hash := head.hash;
      r.hash := sha256(head.hash || convert_to(audit_payload(r), 'UTF8'));
      sealed := sealed + 1;
      ids[sealed] := r.id; ats[sealed] := r.at; seqs[sealed] := r.seq; prevs[sealed] := r.prev_hash; hashes[sealed] := r.hash;
      head.seq := r.seq;
      head.hash := r.hash;
    END LOOP;
    IF sealed > 0 THEN
      UPDATE declaration_event e SET seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
        FROM unnest(ids, ats, seqs, prevs, hashes) AS u(id, at, seq, prev_hash, hash)
       WHERE e.id = u.id AND e.at >= u.at AND e.at <= u.at;
      GET DIAGNOSTICS updated = ROW_COUNT;
      -- Never move the head past a record that was not sealed: the chain would have a gap.
      IF updated <> sealed THEN
        RAISE EXCEPTION 'audit_seal: % of % records sealed', updated, sealed;
      END IF;
      UPDATE audit_chain_head SET seq = head.seq, hash = head.hash WHERE id = 1;
    END IF;
    RETURN sealed;
  END $$`;

// Byte for byte the body AuditSealing1795755600000 created.
const PER_RECORD = `
      DECLARE head audit_chain_head; r declaration_event; sealed integer := 0;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN RETURN 0; END IF; -- another sealer is at work
        FOR r IN SELECT * FROM declaration_event WHERE seq IS NULL ORDER BY id LIMIT max_records LOOP
          r.seq := head.seq + 1;
          r.prev_hash := head.hash;
          r.hash := sha256(head.hash || convert_to(audit_payload(r), 'UTF8'));
          UPDATE declaration_event SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash
           WHERE id = r.id AND at = r.at;
          head.seq := r.seq;
          head.hash := r.hash;
          sealed := sealed + 1;
        END LOOP;
        IF sealed > 0 THEN
          UPDATE audit_chain_head SET seq = head.seq, hash = head.hash WHERE id = 1;
        END IF;
        RETURN sealed;
      END `;
