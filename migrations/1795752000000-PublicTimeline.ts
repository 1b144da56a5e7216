import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each declaration carries its public timeline (status moves with their times) beside its status, written by
 * the same statement that moves the status, so the public lookup is one indexed read of one row and never
 * touches the audit log (which grows by millions of rows a year and is partitioned by month).
 */
export class PublicTimeline1795752000000 implements MigrationInterface {
  name = 'PublicTimeline1795752000000';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: PostgreSQL adds the column without rewriting the table.
    await q.query(`ALTER TABLE declaration ADD COLUMN timeline jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      UPDATE declaration d SET timeline = t.timeline
        FROM (SELECT declaration_id,
                     jsonb_agg(jsonb_build_object('status', to_status,
                       'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY seq) AS timeline
                FROM declaration_event WHERE action = 'transition' GROUP BY declaration_id) t
       WHERE t.declaration_id = d.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE declaration DROP COLUMN timeline`);
  }
}
