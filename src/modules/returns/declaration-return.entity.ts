import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

/** A vehicle that left across the border for a delivery and must come back by `dueAt`. */
@Entity('declaration_return')
@Check('CK_declaration_return_returned', '(returned_at IS NULL) = (returned_gate IS NULL)')
// What the watcher scans: open returns not yet warned, and not yet reported overdue.
@Index('IDX_declaration_return_warn', ['warnAt'], { where: 'returned_at IS NULL AND warned_at IS NULL' })
@Index('IDX_declaration_return_due', ['dueAt'], { where: 'returned_at IS NULL AND overdue_at IS NULL' })
@Index('IDX_declaration_return_open_gate', ['gateCode', 'dueAt'], { where: 'returned_at IS NULL' })
export class DeclarationReturnEntity {
  @PrimaryColumn({ name: 'declaration_id', type: 'uuid', primaryKeyConstraintName: 'declaration_return_pkey' })
  @ForeignKey('declaration', { name: 'FK_declaration_return_declaration' })
  declarationId: string;

  /** The gate it left by. */
  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_declaration_return_gate' })
  gateCode: GateCode;

  /** The rule in force when it left. */
  @Column({ name: 'rule_id', type: 'smallint' })
  @ForeignKey('return_rule', { name: 'FK_declaration_return_rule' })
  ruleId: number;

  @Column({ name: 'exited_at', type: 'timestamptz' })
  exitedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'warn_at', type: 'timestamptz' })
  warnAt: Date;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt: Date | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ name: 'returned_gate', type: 'text', nullable: true })
  @ForeignKey('gate', { name: 'FK_declaration_return_returned_gate' })
  returnedGate: GateCode | null;
}
