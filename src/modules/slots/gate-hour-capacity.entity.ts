import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

/** Arrivals a gate takes per hour of its local day and direction: the slots' standing capacity. */
@Entity('gate_hour_capacity')
@Check('CK_gate_hour_capacity_direction', `direction IN ('export', 'import')`)
@Check('CK_gate_hour_capacity_hour', 'hour BETWEEN 0 AND 23')
@Check('CK_gate_hour_capacity_capacity', 'capacity >= 0')
export class GateHourCapacityEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'gate_hour_capacity_pkey' })
  @ForeignKey('gate', { name: 'FK_gate_hour_capacity_gate' })
  gateCode: GateCode;

  @PrimaryColumn({ name: 'direction', type: 'text', primaryKeyConstraintName: 'gate_hour_capacity_pkey' })
  direction: Direction;

  /** 0–23, in the gate's time zone. */
  @PrimaryColumn({ name: 'hour', type: 'smallint', primaryKeyConstraintName: 'gate_hour_capacity_pkey' })
  hour: number;

  @Column({ name: 'capacity', type: 'integer' })
  capacity: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_gate_hour_capacity_officer' })
  updatedBy: string | null;
}
