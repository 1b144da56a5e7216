import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kinds of crossing a declaration can be, and what the fee and the return rule read from it.
 *
 * - `trip_kind`: `through` (one vehicle carries its load across), `transshipment` (goods move in the yard from
 *   one vehicle to another), `tractor_swap` (the trailer stays, the tractor changes), `empty` (no cargo) and
 *   `delivery_and_return` (crosses for a delivery and must come back).
 * - A transshipment or tractor swap is two declarations, one per vehicle, linked both ways
 *   (`linked_declaration_id`); `handover_role` says which hands over (`delivering`) and which takes over
 *   (`receiving`).
 * - `cargo_regime`: `standard`, `re_export` (temporary import for re-export, border-gate transfer) or
 *   `temporary_import`; `vehicle_tonnage_kg`: the vehicle's design payload, which sets its fee class when given;
 *   `two_way_transport`: the vehicle runs under a two-way transport permit (its return deadline);
 *   `fee_exemption_code`: an exemption the company claims (checked against the fee schedule in force).
 * - `declaration_container`: up to two containers per vehicle (ISO 6346), each with its size.
 */
export class TripKinds1800500000000 implements MigrationInterface {
  name = 'TripKinds1800500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE declaration
      ADD COLUMN trip_kind text NOT NULL DEFAULT 'through'
        CONSTRAINT "CK_declaration_trip_kind"
        CHECK (trip_kind IN ('through', 'transshipment', 'tractor_swap', 'empty', 'delivery_and_return')),
      ADD COLUMN handover_role text
        CONSTRAINT "CK_declaration_handover_role" CHECK (handover_role IN ('delivering', 'receiving')),
      ADD COLUMN linked_declaration_id uuid
        CONSTRAINT "FK_declaration_linked" REFERENCES declaration (id),
      ADD COLUMN cargo_regime text NOT NULL DEFAULT 'standard'
        CONSTRAINT "CK_declaration_cargo_regime" CHECK (cargo_regime IN ('standard', 're_export', 'temporary_import')),
      ADD COLUMN vehicle_tonnage_kg integer
        CONSTRAINT "CK_declaration_vehicle_tonnage" CHECK (vehicle_tonnage_kg > 0),
      ADD COLUMN two_way_transport boolean NOT NULL DEFAULT false,
      ADD COLUMN fee_exemption_code text,
      ADD CONSTRAINT "CK_declaration_handover" CHECK (
        (trip_kind IN ('transshipment', 'tractor_swap')) = (handover_role IS NOT NULL)
        AND (handover_role IS NULL OR linked_declaration_id IS NOT NULL OR handover_role = 'delivering'))`);
    await q.query(`CREATE INDEX "IDX_declaration_linked" ON declaration (linked_declaration_id)
      WHERE linked_declaration_id IS NOT NULL`);
    await q.query(`CREATE TABLE declaration_container (
      declaration_id uuid NOT NULL CONSTRAINT "FK_declaration_container_declaration" REFERENCES declaration (id),
      position smallint NOT NULL CONSTRAINT "CK_declaration_container_position" CHECK (position IN (1, 2)),
      container_number text NOT NULL,
      size_feet smallint CONSTRAINT "CK_declaration_container_size" CHECK (size_feet IN (20, 40, 45)),
      CONSTRAINT declaration_container_pkey PRIMARY KEY (declaration_id, position))`);
    await q.query(`CREATE INDEX "IDX_declaration_container_number" ON declaration_container (container_number)`);
    await q.query(`INSERT INTO declaration_container (declaration_id, position, container_number)
      SELECT id, 1, container_number FROM declaration WHERE container_number IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE declaration_container`);
    await q.query(`ALTER TABLE declaration DROP CONSTRAINT "CK_declaration_handover",
      DROP COLUMN fee_exemption_code, DROP COLUMN two_way_transport, DROP COLUMN vehicle_tonnage_kg,
      DROP COLUMN cargo_regime, DROP COLUMN linked_declaration_id, DROP COLUMN handover_role, DROP COLUMN trip_kind`);
  }
}
