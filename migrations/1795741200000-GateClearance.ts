import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers, clearance steps and their queues, the fee rate table, amendments after arrival, delayed outbox
 * messages, and the declaration_event table turned into a tamper-evident audit log.
 */
export class GateClearance1795741200000 implements MigrationInterface {
  name = 'GateClearance1795741200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE officer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CONSTRAINT "UQ_officer_username" UNIQUE,
        password_hash text NOT NULL,
        agency text NOT NULL CONSTRAINT "CK_officer_agency"
          CHECK (agency IN ('customs', 'border_guard', 'quarantine', 'yard', 'supervisor')),
        gates text[] NOT NULL CONSTRAINT "CK_officer_gates" CHECK (cardinality(gates) > 0),
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);

    await q.query(`ALTER TABLE declaration
      ADD COLUMN cargo_quarantine_required boolean NOT NULL DEFAULT false,
      ADD COLUMN arrived_at timestamptz,
      ADD COLUMN exited_at timestamptz,
      ADD COLUMN exit_destination text CONSTRAINT "CK_declaration_exit_destination" CHECK (exit_destination IN ('CN', 'VN_INLAND'))`);
    await q.query(
      `CREATE INDEX "IDX_declaration_accepted_arrival" ON declaration (expected_arrival_at) WHERE status = 'accepted'`,
    );
    await q.query(`CREATE INDEX "IDX_declaration_gate_plate_live" ON declaration (gate_code, plate)
      WHERE status IN ('accepted', 'in_yard', 'cleared', 'refused')`);

    await q.query(`
      CREATE TABLE clearance_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        declaration_id uuid NOT NULL CONSTRAINT "FK_clearance_step_declaration" REFERENCES declaration(id),
        gate_code text NOT NULL REFERENCES gate(code),
        agency text NOT NULL CONSTRAINT "CK_clearance_step_agency" CHECK (agency IN ('customs', 'border_guard', 'quarantine', 'yard')),
        kind text NOT NULL CONSTRAINT "CK_clearance_step_kind" CHECK (kind IN ('inspection', 'fee')),
        stage integer NOT NULL,
        status text NOT NULL DEFAULT 'waiting'
          CONSTRAINT "CK_clearance_step_status" CHECK (status IN ('waiting', 'claimed', 'passed', 'held', 'refused')),
        priority integer NOT NULL,
        ready_at timestamptz,
        claimed_by uuid REFERENCES officer(id),
        claimed_at timestamptz,
        claim_expires_at timestamptz,
        decided_by uuid REFERENCES officer(id),
        decided_at timestamptz,
        note text,
        fee_amount_vnd bigint,
        fee_vehicle_class text,
        payment_reference text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_clearance_step_declaration_agency" UNIQUE (declaration_id, agency)
      )`);
    // The agency queue: ready, unclaimed steps in serving order. Claims read it with SKIP LOCKED.
    await q.query(`CREATE INDEX "IDX_clearance_step_queue" ON clearance_step (gate_code, agency, priority, ready_at, id)
      WHERE status = 'waiting' AND ready_at IS NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_clearance_step_claim_expiry" ON clearance_step (claim_expires_at) WHERE status = 'claimed'`,
    );

    await q.query(`
      CREATE TABLE fee_rate (
        vehicle_class text NOT NULL CONSTRAINT "CK_fee_rate_class" CHECK (vehicle_class IN ('VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6')),
        goods_category text NOT NULL CONSTRAINT "CK_fee_rate_goods" CHECK (goods_category IN ('farm', 'general', 'empty')),
        amount_vnd bigint NOT NULL CONSTRAINT "CK_fee_rate_amount" CHECK (amount_vnd >= 0),
        PRIMARY KEY (vehicle_class, goods_category)
      )`);
    await q.query(`
      CREATE TABLE fee_direction_factor (
        direction text PRIMARY KEY CONSTRAINT "CK_fee_direction" CHECK (direction IN ('export', 'import')),
        percent integer NOT NULL CONSTRAINT "CK_fee_direction_percent" CHECK (percent > 0)
      )`);
    // Illustrative amounts in the shape of Resolution 09/2025/NQ-HĐND (per trip, by class and goods); the
    // province's published table replaces these rows, not code.
    await q.query(`
      INSERT INTO fee_rate (vehicle_class, goods_category, amount_vnd) VALUES
        ('VT1', 'farm', 100000), ('VT1', 'general', 150000), ('VT1', 'empty', 50000),
        ('VT2', 'farm', 300000), ('VT2', 'general', 450000), ('VT2', 'empty', 100000),
        ('VT3', 'farm', 800000), ('VT3', 'general', 1200000), ('VT3', 'empty', 200000),
        ('VT4', 'farm', 1500000), ('VT4', 'general', 2200000), ('VT4', 'empty', 300000),
        ('VT5', 'farm', 2500000), ('VT5', 'general', 3300000), ('VT5', 'empty', 400000),
        ('VT6', 'farm', 4000000), ('VT6', 'general', 5000000), ('VT6', 'empty', 500000)`);
    await q.query(`INSERT INTO fee_direction_factor (direction, percent) VALUES ('export', 100), ('import', 130)`);

    await q.query(`
      CREATE TABLE amendment_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        declaration_id uuid NOT NULL REFERENCES declaration(id),
        changes jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CONSTRAINT "CK_amendment_request_status" CHECK (status IN ('pending', 'approved', 'declined')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES officer(id),
        decided_at timestamptz,
        note text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_amendment_request_pending" ON amendment_request (declaration_id) WHERE status = 'pending'`,
    );

    await q.query(`ALTER TABLE outbox_message ADD COLUMN run_at timestamptz`);

    // declaration_event becomes the audit log: who (actor, agency), where (gate), what (action, from → to,
    // step, note), chained by hash. Existing rows are chained in id order before the guards go on.
    await q.query(`ALTER TABLE declaration_event
      ADD COLUMN seq bigint,
      ADD COLUMN action text NOT NULL DEFAULT 'transition',
      ADD COLUMN gate_code text,
      ADD COLUMN agency text,
      ADD COLUMN step_id uuid,
      ADD COLUMN note text,
      ADD COLUMN prev_hash bytea,
      ADD COLUMN hash bytea`);
    await q.query(
      `UPDATE declaration_event e SET gate_code = d.gate_code FROM declaration d WHERE d.id = e.declaration_id`,
    );
    await q.query(`ALTER TABLE declaration_event ALTER COLUMN gate_code SET NOT NULL`);
    await q.query(`ALTER TABLE declaration_event ALTER COLUMN to_status DROP NOT NULL`);

    // The one canonical text a record's hash covers; audit:verify recomputes it with the same function.
    await q.query(`
      CREATE FUNCTION audit_payload(e declaration_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', e.seq, e.declaration_id, coalesce(e.step_id::text, ''), e.action, coalesce(e.from_status, ''),
          coalesce(e.to_status, ''), e.actor, coalesce(e.agency, ''), e.gate_code, coalesce(e.note, ''),
          coalesce(e.reasons::text, ''), to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      $$`);
    await q.query(
      `CREATE TABLE audit_chain_head (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash bytea NOT NULL)`,
    );
    await q.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '\\x00'::bytea)`);
    // Appends to the chain under the head row's lock: records get consecutive seq in commit order.
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
    // Chain existing rows first (the trigger is not installed yet, so do it row by row here).
    await q.query(`
      DO $$
      DECLARE r declaration_event; h bytea := '\\x00'::bytea; n bigint := 0;
      BEGIN
        FOR r IN SELECT * FROM declaration_event ORDER BY id LOOP
          n := n + 1;
          r.seq := n;
          UPDATE declaration_event SET seq = n, prev_hash = h,
            hash = sha256(h || convert_to(audit_payload(r), 'UTF8')) WHERE id = r.id RETURNING hash INTO h;
        END LOOP;
        UPDATE audit_chain_head SET seq = n, hash = h WHERE id = 1;
      END $$`);
    await q.query(
      `ALTER TABLE declaration_event ALTER COLUMN seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL`,
    );
    await q.query(`ALTER TABLE declaration_event ADD CONSTRAINT "UQ_declaration_event_seq" UNIQUE (seq)`);
    await q.query(`CREATE TRIGGER "TR_declaration_event_chain" BEFORE INSERT ON declaration_event
      FOR EACH ROW EXECUTE FUNCTION audit_chain_append()`);
    await q.query(`
      CREATE FUNCTION audit_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "TR_declaration_event_append_only" BEFORE UPDATE OR DELETE ON declaration_event
      FOR EACH ROW EXECUTE FUNCTION audit_forbid_change()`);
    await q.query(`CREATE TRIGGER "TR_declaration_event_no_truncate" BEFORE TRUNCATE ON declaration_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change()`);
    await q.query(`CREATE TRIGGER "TR_audit_chain_head_no_delete" BEFORE DELETE OR TRUNCATE ON audit_chain_head
      FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TR_declaration_event_no_truncate" ON declaration_event`);
    await q.query(`DROP TRIGGER "TR_declaration_event_append_only" ON declaration_event`);
    await q.query(`DROP TRIGGER "TR_declaration_event_chain" ON declaration_event`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP FUNCTION audit_chain_append(), audit_forbid_change(), audit_payload(declaration_event)`);
    await q.query(`ALTER TABLE declaration_event DROP CONSTRAINT "UQ_declaration_event_seq",
      DROP COLUMN seq, DROP COLUMN action, DROP COLUMN gate_code, DROP COLUMN agency, DROP COLUMN step_id,
      DROP COLUMN note, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`ALTER TABLE outbox_message DROP COLUMN run_at`);
    await q.query(`DROP TABLE amendment_request, fee_direction_factor, fee_rate, clearance_step`);
    await q.query(`ALTER TABLE declaration DROP COLUMN cargo_quarantine_required, DROP COLUMN arrived_at,
      DROP COLUMN exited_at, DROP COLUMN exit_destination`);
    await q.query(`DROP TABLE officer`);
  }
}
