import { Check, Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';

export interface Yard {
  code: string;
  name: string;
}

/** A road border gate (reference data, created by migration) and whether it is open now. */
@Entity('gate')
@Unique('UQ_gate_reference_prefix', ['referencePrefix'])
@Check('CK_gate_capacity_export', 'capacity_export_per_day >= 0')
@Check('CK_gate_capacity_import', 'capacity_import_per_day >= 0')
@Check('CK_gate_yard_capacity', 'yard_capacity >= 0')
export class GateEntity {
  @PrimaryColumn({ name: 'code', type: 'text', primaryKeyConstraintName: 'gate_pkey' })
  code: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'district', type: 'text' })
  district: string;

  @Column({ name: 'counterpart_name', type: 'text' })
  counterpartName: string;

  @Column({ name: 'reference_prefix', type: 'text' })
  referencePrefix: string;

  @Column({ name: 'yards', type: 'jsonb' })
  yards: Yard[];

  @Column({ name: 'capacity_export_per_day', type: 'integer' })
  capacityExportPerDay: number;

  @Column({ name: 'capacity_import_per_day', type: 'integer' })
  capacityImportPerDay: number;

  @Column({ name: 'timezone', type: 'text', default: 'Asia/Ho_Chi_Minh' })
  timezone: string;

  @Column({ name: 'open', type: 'boolean', default: true })
  open: boolean;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'gate_closed_by_fkey' })
  closedBy: string | null;

  /** Vehicles the gate's own gathering yard holds at once; the call forward from the regulation yards fills it. */
  @Column({ name: 'yard_capacity', type: 'integer', default: 0 })
  yardCapacity: number;
}
