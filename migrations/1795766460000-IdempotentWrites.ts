import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key on every write, not only on submission.
 *
 * Company keys stay in `idempotency_record` (per company), so a key a company used for a submission cannot be used
 * again for another write, and the submission statement, its table and its index stay exactly as they were (that
 * path is benchmarked). Officer keys get a table of the same shape, per officer: `officer_idempotency_record`.
 *
 * A third state, `applied`: the write's own transaction marks the claim when it commits, so a claim whose effect
 * has committed is never released as abandoned (released, the same request would run a second time).
 */
export class IdempotentWrites1795766460000 implements MigrationInterface {
  name = 'IdempotentWrites1795766460000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_record DROP CONSTRAINT "CK_idempotency_record_state"`);
    await q.query(`ALTER TABLE idempotency_record ADD CONSTRAINT "CK_idempotency_record_state"
      CHECK (state IN ('in_flight', 'applied', 'completed'))`);
    await q.query(`
      CREATE TABLE officer_idempotency_record (
        officer_id uuid NOT NULL REFERENCES officer(id),
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CONSTRAINT "CK_officer_idempotency_record_state"
          CHECK (state IN ('in_flight', 'applied', 'completed')),
        response_status integer,
        response_body json, -- json, not jsonb: replays byte-for-byte what was first answered
        locked_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (officer_id, key)
      )`);
    await q.query(`CREATE INDEX "IDX_officer_idempotency_record_created" ON officer_idempotency_record (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE officer_idempotency_record`);
    await q.query(`DELETE FROM idempotency_record WHERE state = 'applied'`);
    await q.query(`ALTER TABLE idempotency_record DROP CONSTRAINT "CK_idempotency_record_state"`);
    await q.query(`ALTER TABLE idempotency_record ADD CONSTRAINT "CK_idempotency_record_state"
      CHECK (state IN ('in_flight', 'completed'))`);
  }
}
