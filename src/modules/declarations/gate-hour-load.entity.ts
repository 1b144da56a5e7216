import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

/** The hourly ledger beside `gate_day_load`: booked arrival slots per gate, direction and hour. */
@Entity('gate_hour_load')
@Check('CK_gate_hour_load_direction', `direction IN ('export', 'import')`)
@Check('CK_gate_hour_load_booked', 'booked >= 0')
export class GateHourLoadEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'gate_hour_load_pkey' })
  @ForeignKey('gate', { name: 'FK_gate_hour_load_gate' })
  gateCode: GateCode;

  @PrimaryColumn({ name: 'direction', type: 'text', primaryKeyConstraintName: 'gate_hour_load_pkey' })
  direction: Direction;

  @PrimaryColumn({ name: 'slot_start', type: 'timestamptz', primaryKeyConstraintName: 'gate_hour_load_pkey' })
  slotStart: Date;

  @Column({ name: 'booked', type: 'integer' })
  booked: number;
}
