import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795737600000 implements MigrationInterface {
  name = 'InitialSchema1795737600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gate (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text NOT NULL,
        district text NOT NULL,
        counterpart_name text NOT NULL,
        reference_prefix text NOT NULL CONSTRAINT "UQ_gate_reference_prefix" UNIQUE,
        yards jsonb NOT NULL,
        capacity_export_per_day integer NOT NULL CONSTRAINT "CK_gate_capacity_export" CHECK (capacity_export_per_day >= 0),
        capacity_import_per_day integer NOT NULL CONSTRAINT "CK_gate_capacity_import" CHECK (capacity_import_per_day >= 0),
        timezone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh'
      )`);

    await q.query(`
      CREATE TABLE company (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        tax_code text NOT NULL CONSTRAINT "UQ_company_tax_code" UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL CONSTRAINT "FK_api_key_company" REFERENCES company(id),
        key_prefix text NOT NULL,
        key_hash bytea NOT NULL CONSTRAINT "UQ_api_key_hash" UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_api_key_company" ON api_key (company_id)`);

    await q.query(`
      CREATE TABLE watchlist_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT "CK_watchlist_entry_kind" CHECK (kind IN ('plate', 'document')),
        value text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_watchlist_entry_active" ON watchlist_entry (kind, value) WHERE removed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE reference_counter (
        gate_code text NOT NULL REFERENCES gate(code),
        day date NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (gate_code, day)
      )`);

    await q.query(`
      CREATE TABLE declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CONSTRAINT "UQ_declaration_reference" UNIQUE,
        company_id uuid NOT NULL CONSTRAINT "FK_declaration_company" REFERENCES company(id),
        gate_code text NOT NULL CONSTRAINT "FK_declaration_gate" REFERENCES gate(code),
        direction text NOT NULL CONSTRAINT "CK_declaration_direction" CHECK (direction IN ('export', 'import')),
        status text NOT NULL CONSTRAINT "CK_declaration_status" CHECK (status IN
          ('submitted', 'accepted', 'rejected', 'cancelled', 'expired', 'in_yard', 'cleared', 'refused', 'exited')),
        version integer NOT NULL DEFAULT 1,
        plate text NOT NULL,
        plate_short text,
        vehicle_nationality text NOT NULL CONSTRAINT "CK_declaration_vehicle_nationality" CHECK (vehicle_nationality IN ('VN', 'CN')),
        trailer_plate text,
        container_number text,
        expected_arrival_at timestamptz NOT NULL,
        arrival_day date NOT NULL,
        driver_full_name text NOT NULL,
        driver_document_number text NOT NULL,
        driver_document_kind text NOT NULL,
        driver_nationality text NOT NULL CONSTRAINT "CK_declaration_driver_nationality" CHECK (driver_nationality IN ('VN', 'CN')),
        driver_phone text,
        cargo_description text NOT NULL,
        cargo_hs_code text,
        cargo_gross_weight_kg integer NOT NULL,
        cargo_perishable boolean NOT NULL,
        cargo_customs_declaration_number text,
        reasons jsonb NOT NULL DEFAULT '[]',
        screening_state text NOT NULL DEFAULT 'pending' CONSTRAINT "CK_declaration_screening_state" CHECK (screening_state IN ('pending', 'done', 'failed')),
        screening_error text,
        screening_redriven_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one live declaration per vehicle, enforced where races cannot slip through.
    await q.query(`
      CREATE UNIQUE INDEX "UQ_declaration_active_vehicle" ON declaration (plate)
        WHERE status IN ('accepted', 'in_yard', 'cleared', 'refused')`);
    await q.query(`CREATE INDEX "IDX_declaration_plate_created" ON declaration (plate, created_at DESC)`);
    await q.query(
      `CREATE INDEX "IDX_declaration_plate_short_created" ON declaration (plate_short, created_at DESC) WHERE plate_short IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_declaration_company_created" ON declaration (company_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX "IDX_declaration_screening_pending" ON declaration (created_at) WHERE status = 'submitted' AND screening_state = 'pending'`,
    );

    await q.query(`
      CREATE TABLE declaration_event (
        id bigserial PRIMARY KEY,
        declaration_id uuid NOT NULL CONSTRAINT "FK_declaration_event_declaration" REFERENCES declaration(id),
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        reasons jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_declaration_event_declaration" ON declaration_event (declaration_id, id)`);

    await q.query(`
      CREATE TABLE gate_day_load (
        gate_code text NOT NULL REFERENCES gate(code),
        direction text NOT NULL,
        day date NOT NULL,
        accepted integer NOT NULL CONSTRAINT "CK_gate_day_load_accepted" CHECK (accepted >= 0),
        PRIMARY KEY (gate_code, direction, day)
      )`);

    await q.query(`
      CREATE TABLE idempotency_record (
        company_id uuid NOT NULL REFERENCES company(id),
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CONSTRAINT "CK_idempotency_record_state" CHECK (state IN ('in_flight', 'completed')),
        response_status integer,
        response_body json, -- json, not jsonb: replays byte-for-byte what was first answered
        locked_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company_id, key)
      )`);
    await q.query(`CREATE INDEX "IDX_idempotency_record_created" ON idempotency_record (created_at)`);

    await q.query(`
      CREATE TABLE outbox_message (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        relay_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX "IDX_outbox_message_pending" ON outbox_message (id) WHERE relayed_at IS NULL`);
    await q.query(
      `CREATE INDEX "IDX_outbox_message_relayed" ON outbox_message (relayed_at) WHERE relayed_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE worker_heartbeat (
        worker_id text PRIMARY KEY,
        started_at timestamptz NOT NULL,
        beat_at timestamptz NOT NULL,
        jobs_completed bigint NOT NULL DEFAULT 0,
        jobs_failed bigint NOT NULL DEFAULT 0
      )`);

    await q.query(`
      INSERT INTO gate (code, name, name_en, district, counterpart_name, reference_prefix, yards,
                        capacity_export_per_day, capacity_import_per_day) VALUES
      ('HUU_NGHI', 'Cửa khẩu quốc tế Hữu Nghị', 'Huu Nghi International Border Gate', 'Cao Lộc',
       'Youyiguan 友谊关 (Pingxiang, Guangxi)', 'HN',
       '[{"code":"PHU_XA","name":"Viettel Logistics Park, Phú Xá"},{"code":"NON_TARIFF","name":"Non-tariff zone yard"},{"code":"HN_GATHERING","name":"Hữu Nghị gathering yard"}]',
       450, 900),
      ('TAN_THANH', 'Cửa khẩu Tân Thanh', 'Tan Thanh Border Gate', 'Văn Lãng',
       'Pò Chài / Puzhai 浦寨 (Pingxiang, Guangxi)', 'TT',
       '[{"code":"THUY_HUNG","name":"Thủy Hùng yard"},{"code":"TT_GATHERING","name":"Tân Thanh gathering yard"}]',
       350, 450)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeat, outbox_message, idempotency_record, gate_day_load, declaration_event,
      declaration, reference_counter, watchlist_entry, api_key, company, gate`);
  }
}
