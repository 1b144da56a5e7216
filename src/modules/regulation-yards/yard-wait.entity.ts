import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

export type YardWaitState = 'waiting' | 'called' | 'arrived' | 'expired' | 'left';

/** One truck's wait at a regulation yard: its place in line, its call, the rule that chose it. */
@Entity('yard_wait')
@Check('CK_yard_wait_direction', `direction IN ('export', 'import')`)
@Check('CK_yard_wait_state', `state IN ('waiting', 'called', 'arrived', 'expired', 'left')`)
@Check('CK_yard_wait_called', `state <> 'called' OR (called_at IS NOT NULL AND call_deadline IS NOT NULL)`)
@Index('IDX_yard_wait_line', ['gateCode', 'direction', 'queueAt'], { where: `state = 'waiting'` })
@Index('IDX_yard_wait_called', ['callDeadline'], { where: `state = 'called'` })
@Index('IDX_yard_wait_yard', ['yardCode', 'state'])
export class YardWaitEntity {
  @PrimaryColumn({ name: 'declaration_id', type: 'uuid', primaryKeyConstraintName: 'yard_wait_pkey' })
  @ForeignKey('declaration', { name: 'FK_yard_wait_declaration' })
  declarationId: string;

  @Column({ name: 'yard_code', type: 'text' })
  @ForeignKey('regulation_yard', { name: 'FK_yard_wait_yard' })
  yardCode: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_yard_wait_gate' })
  gateCode: GateCode;

  @Column({ name: 'direction', type: 'text' })
  direction: Direction;

  @Column({ name: 'state', type: 'text' })
  state: YardWaitState;

  @Column({ name: 'arrived_at', type: 'timestamptz' })
  arrivedAt: Date;

  /** The place in line: the arrival, or the moment a missed call sent the truck to the back. */
  @Column({ name: 'queue_at', type: 'timestamptz' })
  queueAt: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  @Column({ name: 'call_deadline', type: 'timestamptz', nullable: true })
  callDeadline: Date | null;

  /** The priority class whose turn chose the call (`perishable`, `aeo`, `empty_return`, `general`), and why. */
  @Column({ name: 'call_rule', type: 'text', nullable: true })
  callRule: string | null;

  @Column({ name: 'missed_calls', type: 'smallint', default: 0 })
  missedCalls: number;

  /** The declaration's version when the truck checked in here: a QR code issued for it still works at the gate. */
  @Column({ name: 'checked_in_version', type: 'integer' })
  checkedInVersion: number;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
