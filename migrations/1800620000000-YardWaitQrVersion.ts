import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `yard_wait.checked_in_version`: the declaration's version when its truck checked in at the regulation yard. The
 * check-in moves the declaration (its version goes up), so the driver's QR code, issued before, names the version
 * recorded here; the gate accepts it for the called truck.
 */
export class YardWaitQrVersion1800620000000 implements MigrationInterface {
  name = 'YardWaitQrVersion1800620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE yard_wait ADD COLUMN checked_in_version integer NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE yard_wait DROP COLUMN checked_in_version`);
  }
}
