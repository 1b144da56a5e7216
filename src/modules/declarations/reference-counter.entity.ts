import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

/** Serials used per gate and local day by older releases; new serials come from `next_reference_serial(gate)`. */
@Entity('reference_counter')
export class ReferenceCounterEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'reference_counter_pkey' })
  @ForeignKey('gate', { name: 'reference_counter_gate_code_fkey' })
  gateCode: GateCode;

  @PrimaryColumn({ name: 'day', type: 'date', primaryKeyConstraintName: 'reference_counter_pkey' })
  day: string;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue: number;
}
