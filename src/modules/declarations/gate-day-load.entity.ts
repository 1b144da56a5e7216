import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

/** The capacity ledger: accepted declarations per gate, direction and arrival day. */
@Entity('gate_day_load')
@Check('CK_gate_day_load_accepted', 'accepted >= 0')
export class GateDayLoadEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'gate_day_load_pkey' })
  @ForeignKey('gate', { name: 'gate_day_load_gate_code_fkey' })
  gateCode: GateCode;

  @PrimaryColumn({ name: 'direction', type: 'text', primaryKeyConstraintName: 'gate_day_load_pkey' })
  direction: Direction;

  @PrimaryColumn({ name: 'day', type: 'date', primaryKeyConstraintName: 'gate_day_load_pkey' })
  day: string;

  @Column({ name: 'accepted', type: 'integer' })
  accepted: number;
}
