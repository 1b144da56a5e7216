import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

/** A regulation yard where trucks wait for their call to a gate: reference data, as a row per yard. */
@Entity('regulation_yard')
@Check('CK_regulation_yard_capacity', 'capacity >= 0')
@Check('CK_regulation_yard_drive', 'drive_minutes > 0')
export class RegulationYardEntity {
  @PrimaryColumn({ name: 'code', type: 'text', primaryKeyConstraintName: 'regulation_yard_pkey' })
  code: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_regulation_yard_gate' })
  gateCode: GateCode;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'capacity', type: 'integer' })
  capacity: number;

  @Column({ name: 'latitude', type: 'numeric', precision: 8, scale: 5 })
  latitude: string;

  @Column({ name: 'longitude', type: 'numeric', precision: 8, scale: 5 })
  longitude: string;

  /** The usual drive from the yard to the gate; a call's deadline is this plus the gate's reach margin. */
  @Column({ name: 'drive_minutes', type: 'smallint' })
  driveMinutes: number;

  @Column({ name: 'open', type: 'boolean', default: true })
  open: boolean;
}
