import type { MigrationInterface, QueryRunner } from 'typeorm';

const LIVE_BEFORE = `status IN ('accepted', 'in_yard', 'cleared', 'refused')`;
const LIVE = `status IN ('accepted', 'waiting_at_yard', 'in_yard', 'cleared', 'refused')`;
const STATUSES_BEFORE = `'submitted', 'accepted', 'rejected', 'cancelled', 'expired', 'in_yard', 'cleared', 'refused', 'exited'`;
const STATUSES = `${STATUSES_BEFORE}, 'waiting_at_yard'`;
const ON_THE_HOUR = (column: string) => `(${column} IS NULL OR extract(epoch FROM ${column})::bigint % 3600 = 0)`;

/**
 * Metering the flow: hourly arrival slots, regulation yards and the call forward, priority cycles, no-show
 * sanctions. Everything a province tunes is data (a row per gate), never code.
 *
 * - `declaration.status` gains `waiting_at_yard` (checked in at a regulation yard, waiting for the call), a live
 *   status: the one-live-declaration-per-vehicle index and the gate's live index include it.
 * - `declaration.slot_start`: the booked arrival hour (whole hours, UTC epoch multiple of 3600, which is also a
 *   whole hour in Vietnam time). Null: no booking.
 * - `company.authorised_economic_operator`: the AEO flag, one of the priority classes.
 * - `gate.yard_capacity`: vehicles the gate's own gathering yard holds at once; the call forward fills it.
 * - slots: `gate_hour_capacity` (arrivals per hour of the local day, per direction), `gate_capacity_exception` (a
 *   calendar of dated overrides: holidays, closures of the Chinese side, reduced hours), `gate_hour_load` (the
 *   hourly ledger: bookings per gate, direction and hour, a conditional increment like `gate_day_load`),
 *   `booking_rule` (arrival tolerance, no-show grace, late cancellation, strikes and suspension), `booking_strike`
 *   and `booking_suspension`.
 * - regulation yards: `regulation_yard` (name, gate, capacity, position, drive to the gate), `yard_wait` (one row per
 *   declaration that waited: its place in line, the call, its deadline and the rule that chose it), `priority_cycle`
 *   (the turns, e.g. 1:1:1:5, and where the cycle stands), `call_rule` (deadline margin, misses allowed, look-ahead).
 */
export class ArrivalMetering1800600000000 implements MigrationInterface {
  name = 'ArrivalMetering1800600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE declaration DROP CONSTRAINT "CK_declaration_status",
      ADD CONSTRAINT "CK_declaration_status" CHECK (status IN (${STATUSES}))`);
    await q.query(`DROP INDEX "UQ_declaration_active_vehicle"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_declaration_active_vehicle" ON declaration (plate) WHERE ${LIVE}`);
    await q.query(`DROP INDEX "IDX_declaration_gate_plate_live"`);
    await q.query(`CREATE INDEX "IDX_declaration_gate_plate_live" ON declaration (gate_code, plate) WHERE ${LIVE}`);
    await q.query(`ALTER TABLE declaration ADD COLUMN slot_start timestamptz,
      ADD CONSTRAINT "CK_declaration_slot_on_the_hour" CHECK ${ON_THE_HOUR('slot_start')}`);
    await q.query(`CREATE INDEX "IDX_declaration_slot" ON declaration (gate_code, direction, slot_start)
      WHERE slot_start IS NOT NULL AND status IN ('submitted', 'accepted', 'waiting_at_yard')`);

    await q.query(`ALTER TABLE company ADD COLUMN authorised_economic_operator boolean NOT NULL DEFAULT false`);

    await q.query(`ALTER TABLE gate ADD COLUMN yard_capacity integer NOT NULL DEFAULT 0
      CONSTRAINT "CK_gate_yard_capacity" CHECK (yard_capacity >= 0)`);
    await q.query(`UPDATE gate SET yard_capacity = CASE code WHEN 'HUU_NGHI' THEN 400 ELSE 300 END`);

    await q.query(`CREATE TABLE gate_hour_capacity (
      gate_code text NOT NULL CONSTRAINT "FK_gate_hour_capacity_gate" REFERENCES gate (code),
      direction text NOT NULL CONSTRAINT "CK_gate_hour_capacity_direction" CHECK (direction IN ('export', 'import')),
      hour smallint NOT NULL CONSTRAINT "CK_gate_hour_capacity_hour" CHECK (hour BETWEEN 0 AND 23),
      capacity integer NOT NULL CONSTRAINT "CK_gate_hour_capacity_capacity" CHECK (capacity >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid CONSTRAINT "FK_gate_hour_capacity_officer" REFERENCES officer (id),
      CONSTRAINT gate_hour_capacity_pkey PRIMARY KEY (gate_code, direction, hour))`);
    // The daily capacity spread over the gates' working hours, 07:00 to 22:00 Vietnam time (15 hours), the remainder
    // one each to the first hours, so the hours add up to the day exactly (350 a day: 24 an hour to 11:00, then 23).
    await q.query(`INSERT INTO gate_hour_capacity (gate_code, direction, hour, capacity)
      SELECT g.code, d.direction, h.hour,
             CASE WHEN h.hour BETWEEN 7 AND 21
                  THEN d.per_day / 15 + CASE WHEN h.hour - 7 < d.per_day % 15 THEN 1 ELSE 0 END
                  ELSE 0 END
        FROM gate g
        CROSS JOIN LATERAL (VALUES ('export', g.capacity_export_per_day), ('import', g.capacity_import_per_day))
             d (direction, per_day)
        CROSS JOIN generate_series(0, 23) h (hour)`);

    await q.query(`CREATE TABLE gate_capacity_exception (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT gate_capacity_exception_pkey PRIMARY KEY,
      gate_code text NOT NULL CONSTRAINT "FK_gate_capacity_exception_gate" REFERENCES gate (code),
      direction text CONSTRAINT "CK_gate_capacity_exception_direction" CHECK (direction IN ('export', 'import')),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      capacity_per_hour integer NOT NULL CONSTRAINT "CK_gate_capacity_exception_capacity" CHECK (capacity_per_hour >= 0),
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid CONSTRAINT "FK_gate_capacity_exception_created_by" REFERENCES officer (id),
      removed_at timestamptz,
      removed_by uuid CONSTRAINT "FK_gate_capacity_exception_removed_by" REFERENCES officer (id),
      CONSTRAINT "CK_gate_capacity_exception_period" CHECK (ends_at > starts_at),
      CONSTRAINT "CK_gate_capacity_exception_hours" CHECK (${ON_THE_HOUR('starts_at')} AND ${ON_THE_HOUR('ends_at')}))`);
    await q.query(`CREATE INDEX "IDX_gate_capacity_exception_gate" ON gate_capacity_exception (gate_code, starts_at)
      WHERE removed_at IS NULL`);

    await q.query(`CREATE TABLE gate_hour_load (
      gate_code text NOT NULL CONSTRAINT "FK_gate_hour_load_gate" REFERENCES gate (code),
      direction text NOT NULL CONSTRAINT "CK_gate_hour_load_direction" CHECK (direction IN ('export', 'import')),
      slot_start timestamptz NOT NULL,
      booked integer NOT NULL CONSTRAINT "CK_gate_hour_load_booked" CHECK (booked >= 0),
      CONSTRAINT gate_hour_load_pkey PRIMARY KEY (gate_code, direction, slot_start))`);

    await q.query(`CREATE TABLE booking_rule (
      gate_code text NOT NULL CONSTRAINT booking_rule_pkey PRIMARY KEY
        CONSTRAINT "FK_booking_rule_gate" REFERENCES gate (code),
      early_allowance interval NOT NULL CONSTRAINT "CK_booking_rule_early" CHECK (early_allowance >= interval '0'),
      late_grace interval NOT NULL CONSTRAINT "CK_booking_rule_late" CHECK (late_grace >= interval '0'),
      late_cancellation interval NOT NULL CONSTRAINT "CK_booking_rule_late_cancellation"
        CHECK (late_cancellation >= interval '0'),
      strike_window interval NOT NULL CONSTRAINT "CK_booking_rule_window" CHECK (strike_window > interval '0'),
      vehicle_strike_limit smallint NOT NULL CONSTRAINT "CK_booking_rule_vehicle_limit" CHECK (vehicle_strike_limit > 0),
      company_strike_limit smallint NOT NULL CONSTRAINT "CK_booking_rule_company_limit" CHECK (company_strike_limit > 0),
      suspension interval NOT NULL CONSTRAINT "CK_booking_rule_suspension" CHECK (suspension > interval '0'),
      booking_horizon interval NOT NULL CONSTRAINT "CK_booking_rule_horizon" CHECK (booking_horizon > interval '0'),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid CONSTRAINT "FK_booking_rule_officer" REFERENCES officer (id))`);
    await q.query(`INSERT INTO booking_rule (gate_code, early_allowance, late_grace, late_cancellation, strike_window,
        vehicle_strike_limit, company_strike_limit, suspension, booking_horizon)
      SELECT code, interval '30 minutes', interval '1 hour', interval '2 hours', interval '30 days', 3, 20,
             interval '14 days', interval '7 days' FROM gate`);

    await q.query(`CREATE TABLE booking_strike (
      id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT booking_strike_pkey PRIMARY KEY,
      declaration_id uuid NOT NULL CONSTRAINT "FK_booking_strike_declaration" REFERENCES declaration (id),
      company_id uuid NOT NULL CONSTRAINT "FK_booking_strike_company" REFERENCES company (id),
      plate text NOT NULL,
      gate_code text NOT NULL CONSTRAINT "FK_booking_strike_gate" REFERENCES gate (code),
      kind text NOT NULL CONSTRAINT "CK_booking_strike_kind" CHECK (kind IN ('no_show', 'late_cancellation')),
      slot_start timestamptz NOT NULL,
      at timestamptz NOT NULL,
      CONSTRAINT "UQ_booking_strike_declaration" UNIQUE (declaration_id, kind))`);
    await q.query(`CREATE INDEX "IDX_booking_strike_plate" ON booking_strike (plate, at)`);
    await q.query(`CREATE INDEX "IDX_booking_strike_company" ON booking_strike (company_id, at)`);

    await q.query(`CREATE TABLE booking_suspension (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT booking_suspension_pkey PRIMARY KEY,
      company_id uuid NOT NULL CONSTRAINT "FK_booking_suspension_company" REFERENCES company (id),
      plate text,
      reason text NOT NULL,
      strikes integer NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      lifted_at timestamptz,
      lifted_by uuid CONSTRAINT "FK_booking_suspension_lifted_by" REFERENCES officer (id),
      lift_note text,
      CONSTRAINT "CK_booking_suspension_period" CHECK (ends_at > starts_at),
      CONSTRAINT "CK_booking_suspension_lifted" CHECK ((lifted_at IS NULL) = (lifted_by IS NULL)))`);
    await q.query(`CREATE INDEX "IDX_booking_suspension_company" ON booking_suspension (company_id, ends_at)
      WHERE lifted_at IS NULL`);
    await q.query(`CREATE INDEX "IDX_booking_suspension_plate" ON booking_suspension (plate, ends_at)
      WHERE lifted_at IS NULL AND plate IS NOT NULL`);

    await q.query(`CREATE TABLE regulation_yard (
      code text NOT NULL CONSTRAINT regulation_yard_pkey PRIMARY KEY,
      gate_code text NOT NULL CONSTRAINT "FK_regulation_yard_gate" REFERENCES gate (code),
      name text NOT NULL,
      name_en text NOT NULL,
      capacity integer NOT NULL CONSTRAINT "CK_regulation_yard_capacity" CHECK (capacity >= 0),
      latitude numeric(8, 5) NOT NULL,
      longitude numeric(8, 5) NOT NULL,
      drive_minutes smallint NOT NULL CONSTRAINT "CK_regulation_yard_drive" CHECK (drive_minutes > 0),
      open boolean NOT NULL DEFAULT true)`);
    await q.query(`INSERT INTO regulation_yard (code, gate_code, name, name_en, capacity, latitude, longitude, drive_minutes) VALUES
      ('PHU_XA', 'HUU_NGHI', 'Bãi Phú Xá (Viettel Logistics Park)', 'Phú Xá yard (Viettel Logistics Park)', 1000, 21.89000, 106.71500, 20),
      ('NON_TARIFF', 'HUU_NGHI', 'Bãi Khu phi thuế quan', 'Non-tariff zone yard', 600, 21.94500, 106.70800, 10),
      ('THUY_HUNG', 'TAN_THANH', 'Bãi Thủy Hùng', 'Thủy Hùng yard', 500, 21.89500, 106.58000, 15)`);

    await q.query(`CREATE TABLE yard_wait (
      declaration_id uuid NOT NULL CONSTRAINT yard_wait_pkey PRIMARY KEY
        CONSTRAINT "FK_yard_wait_declaration" REFERENCES declaration (id),
      yard_code text NOT NULL CONSTRAINT "FK_yard_wait_yard" REFERENCES regulation_yard (code),
      gate_code text NOT NULL CONSTRAINT "FK_yard_wait_gate" REFERENCES gate (code),
      direction text NOT NULL CONSTRAINT "CK_yard_wait_direction" CHECK (direction IN ('export', 'import')),
      state text NOT NULL CONSTRAINT "CK_yard_wait_state" CHECK (state IN ('waiting', 'called', 'arrived', 'expired', 'left')),
      arrived_at timestamptz NOT NULL,
      queue_at timestamptz NOT NULL,
      called_at timestamptz,
      call_deadline timestamptz,
      call_rule text,
      missed_calls smallint NOT NULL DEFAULT 0,
      ended_at timestamptz,
      CONSTRAINT "CK_yard_wait_called" CHECK (state <> 'called' OR (called_at IS NOT NULL AND call_deadline IS NOT NULL)))`);
    await q.query(
      `CREATE INDEX "IDX_yard_wait_line" ON yard_wait (gate_code, direction, queue_at) WHERE state = 'waiting'`,
    );
    await q.query(`CREATE INDEX "IDX_yard_wait_called" ON yard_wait (call_deadline) WHERE state = 'called'`);
    await q.query(`CREATE INDEX "IDX_yard_wait_yard" ON yard_wait (yard_code, state)`);

    await q.query(`CREATE TABLE priority_cycle (
      gate_code text NOT NULL CONSTRAINT priority_cycle_pkey PRIMARY KEY
        CONSTRAINT "FK_priority_cycle_gate" REFERENCES gate (code),
      turns jsonb NOT NULL,
      position integer NOT NULL DEFAULT 0 CONSTRAINT "CK_priority_cycle_position" CHECK (position >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid CONSTRAINT "FK_priority_cycle_officer" REFERENCES officer (id))`);
    await q.query(`INSERT INTO priority_cycle (gate_code, turns)
      SELECT code, '[{"class":"perishable","turns":1},{"class":"aeo","turns":1},{"class":"empty_return","turns":1},{"class":"general","turns":5}]'::jsonb
        FROM gate`);

    await q.query(`CREATE TABLE call_rule (
      gate_code text NOT NULL CONSTRAINT call_rule_pkey PRIMARY KEY
        CONSTRAINT "FK_call_rule_gate" REFERENCES gate (code),
      reach_margin interval NOT NULL CONSTRAINT "CK_call_rule_margin" CHECK (reach_margin >= interval '0'),
      missed_calls_allowed smallint NOT NULL CONSTRAINT "CK_call_rule_missed" CHECK (missed_calls_allowed >= 0),
      look_ahead interval NOT NULL CONSTRAINT "CK_call_rule_look_ahead" CHECK (look_ahead > interval '0'),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid CONSTRAINT "FK_call_rule_officer" REFERENCES officer (id))`);
    await q.query(`INSERT INTO call_rule (gate_code, reach_margin, missed_calls_allowed, look_ahead)
      SELECT code, interval '30 minutes', 1, interval '1 hour' FROM gate`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE call_rule, priority_cycle, yard_wait, regulation_yard, booking_suspension, booking_strike,
      booking_rule, gate_hour_load, gate_capacity_exception, gate_hour_capacity`);
    await q.query('ALTER TABLE gate DROP COLUMN yard_capacity');
    await q.query('ALTER TABLE company DROP COLUMN authorised_economic_operator');
    await q.query(`DROP INDEX "IDX_declaration_slot"`);
    await q.query(`ALTER TABLE declaration DROP COLUMN slot_start`);
    await q.query(`DROP INDEX "IDX_declaration_gate_plate_live"`);
    await q.query(
      `CREATE INDEX "IDX_declaration_gate_plate_live" ON declaration (gate_code, plate) WHERE ${LIVE_BEFORE}`,
    );
    await q.query(`DROP INDEX "UQ_declaration_active_vehicle"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_declaration_active_vehicle" ON declaration (plate) WHERE ${LIVE_BEFORE}`);
    await q.query(`ALTER TABLE declaration DROP CONSTRAINT "CK_declaration_status",
      ADD CONSTRAINT "CK_declaration_status" CHECK (status IN (${STATUSES_BEFORE}))`);
  }
}
