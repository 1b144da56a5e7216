import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's warning level as a history of changes, one row per change of a gate's level.
 *
 * The worker's BoardWatch computes each gate's level (the higher of the present one, from today's demand, and the
 * 12-hour forecast's, from the expected occupancy of the gate yard) and appends a row when it differs from the
 * gate's last row. `id` is the live stream's event id: a viewer reconnecting with Last-Event-ID is replayed the rows
 * after it, a new viewer gets the last one. `previous_id` is the gate's row this one follows (0 for the first), and
 * unique per gate, so two watchers that read the same last row append one change between them.
 */
export class BoardWarnings1800630000000 implements MigrationInterface {
  name = 'BoardWarnings1800630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE board_warning (
      id bigserial CONSTRAINT board_warning_pkey PRIMARY KEY,
      gate_code text NOT NULL CONSTRAINT "FK_board_warning_gate" REFERENCES gate (code),
      previous_id bigint NOT NULL,
      level text NOT NULL CONSTRAINT "CK_board_warning_level" CHECK (level IN ('green', 'yellow', 'orange', 'red')),
      previous text CONSTRAINT "CK_board_warning_previous" CHECK (previous IN ('green', 'yellow', 'orange', 'red')),
      set_by text NOT NULL CONSTRAINT "CK_board_warning_set_by" CHECK (set_by IN ('present', 'forecast')),
      forecast jsonb NOT NULL,
      at timestamptz NOT NULL,
      CONSTRAINT "UQ_board_warning_previous" UNIQUE (gate_code, previous_id))`);
    await q.query(`CREATE INDEX "IDX_board_warning_gate" ON board_warning (gate_code, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE board_warning');
  }
}
