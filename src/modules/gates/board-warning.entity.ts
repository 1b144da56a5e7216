import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

/** One change of a gate's warning level, as BoardWatch saw it; `id` is the live stream's event id. */
@Entity('board_warning')
@Check('CK_board_warning_level', `level IN ('green', 'yellow', 'orange', 'red')`)
@Check('CK_board_warning_previous', `previous IN ('green', 'yellow', 'orange', 'red')`)
@Check('CK_board_warning_set_by', `set_by IN ('present', 'forecast')`)
@Unique('UQ_board_warning_previous', ['gateCode', 'previousId'])
@Index('IDX_board_warning_gate', ['gateCode', 'id'])
export class BoardWarningEntity {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'bigint', primaryKeyConstraintName: 'board_warning_pkey' })
  id: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_board_warning_gate' })
  gateCode: GateCode;

  /** The gate's row this change follows, 0 for its first: unique per gate, so one change is recorded once. */
  @Column({ name: 'previous_id', type: 'bigint' })
  previousId: string;

  @Column({ name: 'level', type: 'text' })
  level: string;

  /** The level before, null for the gate's first row. */
  @Column({ name: 'previous', type: 'text', nullable: true })
  previous: string | null;

  /** Which level was the higher: today's demand (`present`) or the 12-hour forecast. */
  @Column({ name: 'set_by', type: 'text' })
  setBy: string;

  /** The forecast's summary when the level changed: level, peakHour, peakInYard, serviceRatePerHour. */
  @Column({ name: 'forecast', type: 'jsonb' })
  forecast: Record<string, unknown>;

  @Column({ name: 'at', type: 'timestamptz' })
  at: Date;
}
