import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks and their deliveries, the audit-log cursor that feeds them and live updates, gate open/closed, daily statistics. */
export class FollowTheFlow1795744800000 implements MigrationInterface {
  name = 'FollowTheFlow1795744800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gate
      ADD COLUMN open boolean NOT NULL DEFAULT true,
      ADD COLUMN closed_reason text,
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN closed_by uuid REFERENCES officer(id)`);

    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL CONSTRAINT "FK_webhook_company" REFERENCES company(id),
        url text NOT NULL,
        events text[] NOT NULL CONSTRAINT "CK_webhook_events" CHECK (cardinality(events) > 0),
        secret_encrypted text NOT NULL,
        status text NOT NULL DEFAULT 'active' CONSTRAINT "CK_webhook_status" CHECK (status IN ('active', 'disabled', 'deleted')),
        disabled_reason text,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_webhook_company" ON webhook (company_id) WHERE status = 'active'`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL CONSTRAINT "FK_webhook_delivery_webhook" REFERENCES webhook(id),
        event_seq bigint NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CONSTRAINT "CK_webhook_delivery_status" CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        job_id text NOT NULL,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_webhook_delivery_event" UNIQUE (webhook_id, event_seq)
      )`);
    await q.query(
      `CREATE INDEX "IDX_webhook_delivery_webhook_created" ON webhook_delivery (webhook_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL CONSTRAINT "FK_webhook_attempt_delivery" REFERENCES webhook_delivery(id),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "IDX_webhook_attempt_delivery" ON webhook_attempt (delivery_id, id)`);

    // How far the event dispatcher has read the audit log (one row per consumer).
    await q.query(`CREATE TABLE event_cursor (name text PRIMARY KEY, seq bigint NOT NULL)`);
    await q.query(
      `INSERT INTO event_cursor (name, seq) SELECT 'dispatcher', coalesce(max(seq), 0) FROM declaration_event`,
    );
    await q.query(`CREATE INDEX "IDX_declaration_event_at" ON declaration_event (at)`);

    await q.query(`
      CREATE TABLE daily_stats (
        gate_code text NOT NULL REFERENCES gate(code),
        day date NOT NULL,
        direction text NOT NULL,
        counts jsonb NOT NULL,
        rejected_by_reason jsonb NOT NULL,
        step_minutes jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (gate_code, day, direction)
      )`);
    await q.query(
      `CREATE INDEX "IDX_declaration_exited" ON declaration (gate_code, exited_at) WHERE exited_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_clearance_step_decided" ON clearance_step (gate_code, agency, decided_at) WHERE decided_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_declaration_gate_day" ON declaration (gate_code, arrival_day, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP INDEX "IDX_declaration_gate_day", "IDX_clearance_step_decided", "IDX_declaration_exited", "IDX_declaration_event_at"`,
    );
    await q.query(`DROP TABLE daily_stats, event_cursor, webhook_attempt, webhook_delivery, webhook`);
    await q.query(
      `ALTER TABLE gate DROP COLUMN open, DROP COLUMN closed_reason, DROP COLUMN closed_at, DROP COLUMN closed_by`,
    );
  }
}
