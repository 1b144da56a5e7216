import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every column of an audit record except its place in the chain (seq, prev_hash, hash).
const CONTENT = `id, declaration_id, from_status, to_status, actor, reasons, at, action, gate_code, agency, step_id, note`;
const contentOf = (row: 'NEW' | 'OLD'): string =>
  `ROW(${CONTENT.split(', ')
    .map((c) => `${row}.${c}`)
    .join(', ')})`;

/**
 * The audit log is chained after commit instead of inside each writer's transaction.
 *
 * Before: a BEFORE INSERT trigger locked the one chain-head row, so every transaction that wrote an audit
 * record (every submission, screening, claim and decision) held that lock until its commit had been flushed
 * to disk: commits ran one at a time (measured: 144 audited inserts/s at 32 clients against 2,717 plain ones).
 *
 * After: writers only insert (seq, prev_hash and hash NULL). `audit_seal(n)` — run by the worker every poll
 * interval, one sealer at a time (SKIP LOCKED on the chain head) — takes committed, unsealed records in insertion
 * order and gives each its seq and hash in one short transaction. seq is still commit order of the sealing, so
 * the event dispatcher (which reads only sealed records) never misses one. Records are tamper-evident once
 * sealed (about a poll interval after commit); before that the append-only trigger still refuses any change
 * but the sealing of an untouched record.
 */
export class AuditSealing1795755600000 implements MigrationInterface {
  name = 'AuditSealing1795755600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TR_declaration_event_chain" ON declaration_event`);
    await q.query(`DROP FUNCTION audit_chain_append()`);
    await q.query(`ALTER TABLE declaration_event ALTER COLUMN seq DROP NOT NULL,
      ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await q.query(`CREATE INDEX "IDX_declaration_event_unsealed" ON declaration_event (id) WHERE seq IS NULL`);

    await q.query(`
      CREATE FUNCTION audit_allow_sealing_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The one change allowed: sealing a record (seq, prev_hash, hash set once), its content untouched.
        IF TG_OP = 'UPDATE' THEN
          IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
             AND ${contentOf('NEW')} IS NOT DISTINCT FROM ${contentOf('OLD')} THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER "TR_declaration_event_append_only" ON declaration_event`);
    await q.query(`CREATE TRIGGER "TR_declaration_event_append_only" BEFORE UPDATE OR DELETE ON declaration_event
      FOR EACH ROW EXECUTE FUNCTION audit_allow_sealing_only()`);

    await q.query(`
      CREATE FUNCTION audit_seal(max_records integer) RETURNS integer LANGUAGE plpgsql AS $$
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
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT audit_seal(2147483647)`);
    await q.query(`DROP FUNCTION audit_seal(integer)`);
    await q.query(`DROP TRIGGER "TR_declaration_event_append_only" ON declaration_event`);
    await q.query(`CREATE TRIGGER "TR_declaration_event_append_only" BEFORE UPDATE OR DELETE ON declaration_event
      FOR EACH ROW EXECUTE FUNCTION audit_forbid_change()`);
    await q.query(`DROP FUNCTION audit_allow_sealing_only()`);
    await q.query(`DROP INDEX "IDX_declaration_event_unsealed"`);
    await q.query(`ALTER TABLE declaration_event ALTER COLUMN seq SET NOT NULL,
      ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION audit_chain_append() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head audit_chain_head;
      BEGIN
        SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        NEW.seq := head.seq + 1;
        NEW.prev_hash := head.hash;
        NEW.hash := sha256(head.hash || convert_to(audit_payload(NEW), 'UTF8'));
        UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TR_declaration_event_chain" BEFORE INSERT ON declaration_event
      FOR EACH ROW EXECUTE FUNCTION audit_chain_append()`);
  }
}
