import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface Yard {
  code: string;
  name: string;
}

/** A road border gate (reference data, created by migration). */
@Entity('gate')
export class GateEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  district: string;

  @Column({ name: 'counterpart_name', type: 'text' })
  counterpartName: string;

  @Column({ name: 'reference_prefix', type: 'text' })
  referencePrefix: string;

  @Column({ type: 'jsonb' })
  yards: Yard[];

  @Column({ name: 'capacity_export_per_day', type: 'int' })
  capacityExportPerDay: number;

  @Column({ name: 'capacity_import_per_day', type: 'int' })
  capacityImportPerDay: number;

  @Column({ type: 'text' })
  timezone: string;
}
