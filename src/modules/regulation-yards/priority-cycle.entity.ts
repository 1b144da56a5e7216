import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

export type PriorityClass = 'perishable' | 'aeo' | 'empty_return' | 'general';

export interface PriorityTurn {
  class: PriorityClass;
  turns: number;
}

/** A gate's priority cycle (eCherha's 1:1:1:5 is one setting) and the turn it has reached. */
@Entity('priority_cycle')
@Check('CK_priority_cycle_position', 'position >= 0')
export class PriorityCycleEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'priority_cycle_pkey' })
  @ForeignKey('gate', { name: 'FK_priority_cycle_gate' })
  gateCode: GateCode;

  @Column({ name: 'turns', type: 'jsonb' })
  turns: PriorityTurn[];

  /** Index of the next turn in the cycle written out (1:1:1:5 is eight turns). */
  @Column({ name: 'position', type: 'integer', default: 0 })
  position: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_priority_cycle_officer' })
  updatedBy: string | null;
}
