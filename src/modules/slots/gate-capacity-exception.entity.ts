import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

/** A dated exception to a gate's hourly capacity: a holiday, a closure on the Chinese side, reduced hours. */
@Entity('gate_capacity_exception')
@Check('CK_gate_capacity_exception_direction', `direction IN ('export', 'import')`)
@Check('CK_gate_capacity_exception_capacity', 'capacity_per_hour >= 0')
@Check('CK_gate_capacity_exception_period', 'ends_at > starts_at')
@Check(
  'CK_gate_capacity_exception_hours',
  '(starts_at IS NULL OR extract(epoch FROM starts_at)::bigint % 3600 = 0) AND (ends_at IS NULL OR extract(epoch FROM ends_at)::bigint % 3600 = 0)',
)
@Index('IDX_gate_capacity_exception_gate', ['gateCode', 'startsAt'], { where: 'removed_at IS NULL' })
export class GateCapacityExceptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'gate_capacity_exception_pkey' })
  id: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_gate_capacity_exception_gate' })
  gateCode: GateCode;

  /** Null: both directions. */
  @Column({ name: 'direction', type: 'text', nullable: true })
  direction: Direction | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** Replaces the standing capacity of every hour in [starts_at, ends_at); 0 closes those hours. */
  @Column({ name: 'capacity_per_hour', type: 'integer' })
  capacityPerHour: number;

  @Column({ name: 'reason', type: 'text' })
  reason: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_gate_capacity_exception_created_by' })
  createdBy: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_gate_capacity_exception_removed_by' })
  removedBy: string | null;
}
