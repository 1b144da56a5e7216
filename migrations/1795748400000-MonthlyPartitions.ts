import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (declaration_event) becomes a table partitioned by month of `at`, so that old months can be
 * detached and archived (docs/retention.md) and time-bounded readers touch only the months they need.
 *
 * Months are those of Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving): partition
 * `declaration_event_y2026m03` holds `at` in [2026-03-01 00:00+07, 2026-04-01 00:00+07), the local month in
 * which the gates, the customs records and the daily statistics count. There is no DEFAULT partition on
 * purpose: a row whose month has no partition fails its insert loudly, so partitions are made ahead
 * (`ensure_monthly_partitions`, the worker's daily maintenance job, `npm run cli -- partitions:ensure`).
 *
 * Every existing row is copied as it is (id, seq, prev_hash, hash, every column), so the hash chain verifies
 * unchanged. The copy runs with no chain trigger on the new table; triggers and indexes go on afterwards.
 */
export class MonthlyPartitions1795748400000 implements MigrationInterface {
  name = 'MonthlyPartitions1795748400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(ENSURE_MONTHLY_PARTITIONS);
    // Nothing may write (or read half-copied) audit records while the table is swapped.
    await q.query(`LOCK TABLE declaration_event, audit_chain_head IN ACCESS EXCLUSIVE MODE`);
    await q.query(`ALTER TABLE declaration_event RENAME TO declaration_event_unpartitioned`);
    await q.query(`CREATE TABLE declaration_event (${AUDIT_COLUMNS}) PARTITION BY RANGE (at)`);
    // A statement trigger: it does not fire on INSERT … SELECT, and ensure_monthly_partitions copies it onto
    // each partition it makes (TRUNCATE of a partition does not fire the parent's trigger).
    await q.query(`CREATE TRIGGER "TR_declaration_event_no_truncate" BEFORE TRUNCATE ON declaration_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change()`);
    await q.query(
      `SELECT ensure_monthly_partitions('declaration_event', coalesce(min(${LOCAL_MONTH}), ${THIS_MONTH}),
         (greatest(max(${LOCAL_MONTH}), ${THIS_MONTH}) + interval '${MONTHS_AHEAD} months')::date)
         FROM declaration_event_unpartitioned`,
    );
    await q.query(`INSERT INTO declaration_event (${AUDIT_COLUMN_NAMES})
      SELECT ${AUDIT_COLUMN_NAMES} FROM declaration_event_unpartitioned`);
    await q.query(`ALTER SEQUENCE declaration_event_id_seq OWNED BY declaration_event.id`);
    // audit_payload takes the table's row type; the old one goes with the old table, the same body for the new.
    await q.query(`DROP FUNCTION audit_payload(declaration_event_unpartitioned)`);
    await q.query(`DROP TABLE declaration_event_unpartitioned`);
    await q.query(AUDIT_PAYLOAD);
    await addAuditIndexesAndTriggers(q, 'partitioned');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE declaration_event, audit_chain_head IN ACCESS EXCLUSIVE MODE`);
    await q.query(`ALTER TABLE declaration_event RENAME TO declaration_event_partitioned`);
    await q.query(`CREATE TABLE declaration_event (${AUDIT_COLUMNS})`);
    await q.query(`INSERT INTO declaration_event (${AUDIT_COLUMN_NAMES})
      SELECT ${AUDIT_COLUMN_NAMES} FROM declaration_event_partitioned ORDER BY seq`);
    await q.query(`ALTER SEQUENCE declaration_event_id_seq OWNED BY declaration_event.id`);
    await q.query(`DROP FUNCTION audit_payload(declaration_event_partitioned)`);
    await q.query(`DROP TABLE declaration_event_partitioned`); // and its partitions
    await q.query(AUDIT_PAYLOAD);
    await q.query(`CREATE TRIGGER "TR_declaration_event_no_truncate" BEFORE TRUNCATE ON declaration_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change()`);
    await addAuditIndexesAndTriggers(q, 'plain');
    await q.query(`DROP FUNCTION ensure_monthly_partitions(text, date, date)`);
  }
}

const MONTHS_AHEAD = 3;
const LOCAL_MONTH = `date_trunc('month', at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const THIS_MONTH = `date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

// The columns in their order of today (InitialSchema, then GateClearance's additions), so `SELECT *` and the
// row type audit_payload reads keep their shape.
const AUDIT_COLUMNS = `
  id bigint NOT NULL DEFAULT nextval('declaration_event_id_seq'),
  declaration_id uuid NOT NULL,
  from_status text,
  to_status text,
  actor text NOT NULL,
  reasons jsonb,
  at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL,
  action text NOT NULL DEFAULT 'transition',
  gate_code text NOT NULL,
  agency text,
  step_id uuid,
  note text,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL`;
const AUDIT_COLUMN_NAMES =
  'id, declaration_id, from_status, to_status, actor, reasons, at, seq, action, gate_code, agency, step_id, note, prev_hash, hash';

// Byte for byte GateClearance's function: the chain's hashes are computed over this text.
const AUDIT_PAYLOAD = `
  CREATE FUNCTION audit_payload(e declaration_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws('|', e.seq, e.declaration_id, coalesce(e.step_id::text, ''), e.action, coalesce(e.from_status, ''),
      coalesce(e.to_status, ''), e.actor, coalesce(e.agency, ''), e.gate_code, coalesce(e.note, ''),
      coalesce(e.reasons::text, ''), to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
  $$`;

/**
 * Keys, indexes, the FK and the row triggers, under today's names. On the partitioned table every unique key
 * must contain the partition key `at`, so they become (id, at) and (seq, at). Uniqueness of each still holds:
 * id comes from one sequence, and seq is assigned only by TR_declaration_event_chain, which takes the
 * audit_chain_head row FOR UPDATE and hands out head.seq + 1 — appends are serialised on that one row, so no
 * two records can get the same seq whatever their `at`. The (seq, at) index still serves `seq > $1 ORDER BY
 * seq` per partition (a merge of index scans), as the event dispatcher and audit:verify read it.
 */
async function addAuditIndexesAndTriggers(q: QueryRunner, shape: 'partitioned' | 'plain'): Promise<void> {
  const key = shape === 'partitioned' ? ', at' : '';
  await q.query(`ALTER TABLE declaration_event ADD CONSTRAINT declaration_event_pkey PRIMARY KEY (id${key}),
    ADD CONSTRAINT "UQ_declaration_event_seq" UNIQUE (seq${key}),
    ADD CONSTRAINT "FK_declaration_event_declaration" FOREIGN KEY (declaration_id) REFERENCES declaration(id)`);
  await q.query(`CREATE INDEX "IDX_declaration_event_declaration" ON declaration_event (declaration_id, id)`);
  await q.query(`CREATE INDEX "IDX_declaration_event_at" ON declaration_event (at)`);
  // Row triggers on a partitioned table are cloned onto every partition, present and future.
  await q.query(`CREATE TRIGGER "TR_declaration_event_chain" BEFORE INSERT ON declaration_event
    FOR EACH ROW EXECUTE FUNCTION audit_chain_append()`);
  await q.query(`CREATE TRIGGER "TR_declaration_event_append_only" BEFORE UPDATE OR DELETE ON declaration_event
    FOR EACH ROW EXECUTE FUNCTION audit_forbid_change()`);
}

/**
 * Creates the missing monthly partitions `<table>_yYYYYmMM` of a table partitioned by range of a timestamptz,
 * for every Vietnam-local month from `from_month` through `to_month` (both included; any day of the month
 * will do). Idempotent; returns how many it created. Serialised by an advisory lock so that workers starting
 * together do not race to create the same partition. Statement-level BEFORE TRUNCATE triggers of the parent
 * are repeated on each new partition, because TRUNCATE of a partition does not fire the parent's.
 */
const ENSURE_MONTHLY_PARTITIONS = `
  CREATE FUNCTION ensure_monthly_partitions(table_name text, from_month date, to_month date) RETURNS integer
  LANGUAGE plpgsql AS $$
  DECLARE
    parent regclass := to_regclass(quote_ident(table_name));
    month date := date_trunc('month', from_month)::date;
    last_month date := date_trunc('month', to_month)::date;
    part text;
    lower_bound timestamptz;
    upper_bound timestamptz;
    created integer := 0;
    trg record;
  BEGIN
    IF parent IS NULL OR NOT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = parent) THEN
      RAISE EXCEPTION 'ensure_monthly_partitions: % is not a partitioned table', table_name
        USING ERRCODE = 'wrong_object_type';
    END IF;
    IF from_month IS NULL OR to_month IS NULL OR last_month < month OR last_month > month + interval '20 years' THEN
      RAISE EXCEPTION 'ensure_monthly_partitions: bad month range % .. %', from_month, to_month
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('ensure_monthly_partitions'), hashtext(table_name));
    WHILE month <= last_month LOOP
      part := format('%s_y%sm%s', table_name, to_char(month, 'YYYY'), to_char(month, 'MM'));
      IF to_regclass(quote_ident(part)) IS NULL THEN
        lower_bound := month::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh';
        upper_bound := (month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh';
        -- Bounds written in UTC with their offset: their meaning does not depend on the session's TimeZone.
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, table_name,
          to_char(lower_bound AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS+00'),
          to_char(upper_bound AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS+00'));
        FOR trg IN SELECT t.tgname, t.tgfoid::regproc AS fn FROM pg_trigger t
                    WHERE t.tgrelid = parent AND NOT t.tgisinternal AND t.tgparentid = 0
                      AND (t.tgtype & 32) <> 0 AND (t.tgtype & 2) <> 0 AND (t.tgtype & 1) = 0 LOOP
          EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION %s()',
            trg.tgname, part, trg.fn);
        END LOOP;
        created := created + 1;
      END IF;
      month := (month + interval '1 month')::date;
    END LOOP;
    RETURN created;
  END $$`;
