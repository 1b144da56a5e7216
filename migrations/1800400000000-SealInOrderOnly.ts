import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_seal() never seals a record twice.
 *
 * Before: it sealed every record whose seq was NULL. Someone with superuser rights could bypass the append-only
 * trigger, edit a sealed record, set its seq, prev_hash and hash back to NULL and wind the chain head back: the
 * worker's own sealer then sealed the edit, and audit:verify said ok.
 *
 * After: the head remembers the last id it sealed (`last_id`) and the ids it passed without sealing them
 * (`pending_ids`: gaps in the id order at sealing time, i.e. records still being written by transactions that
 * had not committed yet, or ids whose insert rolled back). A record is sealed only if its id is after `last_id`
 * or one of those pending ids (a late commit), which is then taken off the list. An unsealed record anywhere
 * else was sealed before and blanked: it stays unsealed, the worker logs it at error and audit:verify fails
 * naming it (`unsealed_behind_head`). Pending ids older than PENDING_WINDOW ids behind the head are forgotten:
 * no writer's transaction stays open that long (one that did would be reported, loudly, not lost).
 * Same single sealer (SKIP LOCKED on the head), same one UPDATE per batch.
 */
export class SealInOrderOnly1800400000000 implements MigrationInterface {
  name = 'SealInOrderOnly1800400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_chain_head ADD COLUMN last_id bigint NOT NULL DEFAULT 0,
      ADD COLUMN pending_ids int8multirange NOT NULL DEFAULT '{}'`);
    // Records sealed so far mark the position; unsealed ones behind it (in flight now) stay sealable.
    await q.query(`UPDATE audit_chain_head SET
      last_id = coalesce((SELECT max(id) FROM declaration_event WHERE seq IS NOT NULL), 0),
      pending_ids = coalesce((SELECT range_agg(int8range(id, id, '[]')) FROM declaration_event
                               WHERE seq IS NULL AND id < (SELECT max(id) FROM declaration_event WHERE seq IS NOT NULL)),
                             '{}')
      WHERE id = 1`);
    await q.query(IN_ORDER);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SET_BASED);
    await q.query(`ALTER TABLE audit_chain_head DROP COLUMN last_id, DROP COLUMN pending_ids`);
  }
}

const PENDING_WINDOW = 10_000;

const IN_ORDER = `
  CREATE OR REPLACE FUNCTION audit_seal(max_records integer) RETURNS integer LANGUAGE plpgsql
  SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
  DECLARE
    head audit_chain_head; r declaration_event; sealed integer := 0; updated integer; passed_to bigint;
    ids bigint[] := '{}'; ats timestamptz[] := '{}'; seqs bigint[] := '{}'; prevs bytea[] := '{}'; hashes bytea[] := '{}';
  BEGIN
    SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN RETURN 0; END IF; -- another sealer is at work
    passed_to := head.last_id;
    FOR r IN SELECT * FROM declaration_event
              WHERE seq IS NULL AND (id > head.last_id OR id <@ head.pending_ids)
              ORDER BY id LIMIT max_records LOOP
      IF r.id > passed_to THEN
        -- Ids skipped here belong to transactions not committed yet (or rolled back): they may still come.
        IF r.id > passed_to + 1 THEN
          head.pending_ids := head.pending_ids + int8multirange(int8range(passed_to + 1, r.id - 1, '[]'));
        END IF;
        passed_to := r.id;
      ELSE
        head.pending_ids := head.pending_ids - int8multirange(int8range(r.id, r.id, '[]'));
      END IF;
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
      UPDATE audit_chain_head
         SET seq = head.seq, hash = head.hash, last_id = passed_to,
             pending_ids = head.pending_ids * int8multirange(int8range(passed_to - ${PENDING_WINDOW}, NULL))
       WHERE id = 1;
    END IF;
    RETURN sealed;
  END $$`;

// Byte for byte the body SetBasedSealing1795762800000 created.
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
