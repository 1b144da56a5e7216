import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking sanctions: a suspension names the declaration whose strike opened it (its `booking.suspended` and
 * `booking.suspension_lifted` audit records go there), and the slot watcher finds recently cancelled bookings by
 * an index instead of reading every cancelled declaration.
 */
export class BookingSanctions1800610000000 implements MigrationInterface {
  name = 'BookingSanctions1800610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking_suspension ADD COLUMN declaration_id uuid
      CONSTRAINT "FK_booking_suspension_declaration" REFERENCES declaration (id)`);
    await q.query(`CREATE INDEX "IDX_declaration_cancelled_slot" ON declaration (gate_code, slot_start)
      WHERE status = 'cancelled' AND slot_start IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_declaration_cancelled_slot"`);
    await q.query(`ALTER TABLE booking_suspension DROP COLUMN declaration_id`);
  }
}
