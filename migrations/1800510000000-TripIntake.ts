import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What declaring every kind of crossing needs of the database:
 * - a delivering vehicle is taken over by at most one live receiving vehicle (`UQ_declaration_receiving_link`;
 *   one that was cancelled, rejected or expired frees it for another);
 * - a trailer is looked up by its plate like a vehicle (`IDX_declaration_trailer_created`, the plate lookup's
 *   shape: live first, else the latest).
 */
export class TripIntake1800510000000 implements MigrationInterface {
  name = 'TripIntake1800510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX "UQ_declaration_receiving_link" ON declaration (linked_declaration_id)
      WHERE handover_role = 'receiving' AND status NOT IN ('cancelled', 'rejected', 'expired')`);
    await q.query(`CREATE INDEX "IDX_declaration_trailer_created" ON declaration (trailer_plate, created_at DESC)
      WHERE trailer_plate IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_declaration_trailer_created"`);
    await q.query(`DROP INDEX "UQ_declaration_receiving_link"`);
  }
}
