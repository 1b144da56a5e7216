import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ContainerSizeFeet, GoodsCategory, VehicleClass } from './fee-rules.js';

const CLASS_LIST = `'VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6'`;

/** One resolution's fee table, in force from `valid_from` until a later schedule (docs/fees.md). */
@Entity('fee_schedule')
@Unique('UQ_fee_schedule_valid_from', ['validFrom'])
@Check('CK_fee_schedule_id', `id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'`)
@Check('CK_fee_schedule_title', 'length(btrim(title)) > 0')
@Check('CK_fee_schedule_transshipment_percent', 'transshipment_percent BETWEEN 0 AND 1000')
@Check('CK_fee_schedule_domestic_import_percent', 'domestic_import_percent BETWEEN 0 AND 1000')
export class FeeScheduleEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'fee_schedule_pkey' })
  id: string;

  @Column({ name: 'title', type: 'text' })
  title: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'transshipment_percent', type: 'integer' })
  transshipmentPercent: number;

  @Column({ name: 'domestic_import_percent', type: 'integer' })
  domesticImportPercent: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A schedule's vehicle class: below `below_kg`, or (null) every heavier vehicle. */
@Entity('fee_schedule_class')
@Unique('UQ_fee_schedule_class_below', ['scheduleId', 'belowKg'])
@Index('UQ_fee_schedule_class_open', ['scheduleId'], { unique: true, where: 'below_kg IS NULL' })
@Check('CK_fee_schedule_class_class', `vehicle_class IN (${CLASS_LIST})`)
@Check('CK_fee_schedule_class_below', 'below_kg > 0')
export class FeeScheduleClassEntity {
  @PrimaryColumn({ name: 'schedule_id', type: 'text', primaryKeyConstraintName: 'fee_schedule_class_pkey' })
  @ForeignKey('fee_schedule', { name: 'FK_fee_schedule_class_schedule' })
  scheduleId: string;

  @PrimaryColumn({ name: 'vehicle_class', type: 'text', primaryKeyConstraintName: 'fee_schedule_class_pkey' })
  vehicleClass: VehicleClass;

  @Column({ name: 'below_kg', type: 'integer', nullable: true })
  belowKg: number | null;
}

/** The least class a vehicle carrying a container of this size is charged as. */
@Entity('fee_schedule_container')
@Check('CK_fee_schedule_container_size', 'size_feet IN (20, 40, 45)')
@Check('CK_fee_schedule_container_class', `min_class IN (${CLASS_LIST})`)
export class FeeScheduleContainerEntity {
  @PrimaryColumn({ name: 'schedule_id', type: 'text', primaryKeyConstraintName: 'fee_schedule_container_pkey' })
  @ForeignKey('fee_schedule', { name: 'FK_fee_schedule_container_schedule' })
  scheduleId: string;

  @PrimaryColumn({ name: 'size_feet', type: 'smallint', primaryKeyConstraintName: 'fee_schedule_container_pkey' })
  sizeFeet: ContainerSizeFeet;

  @Column({ name: 'min_class', type: 'text' })
  minClass: VehicleClass;
}

/** The amount per trip for a class and goods category under a schedule. */
@Entity('fee_schedule_rate')
@Check('CK_fee_schedule_rate_class', `vehicle_class IN (${CLASS_LIST})`)
@Check('CK_fee_schedule_rate_goods', `goods_category IN ('farm', 're_export', 'temporary_import', 'general', 'empty')`)
@Check('CK_fee_schedule_rate_amount', 'amount_vnd >= 0')
export class FeeScheduleRateEntity {
  @PrimaryColumn({ name: 'schedule_id', type: 'text', primaryKeyConstraintName: 'fee_schedule_rate_pkey' })
  @ForeignKey('fee_schedule', { name: 'FK_fee_schedule_rate_schedule' })
  scheduleId: string;

  @PrimaryColumn({ name: 'vehicle_class', type: 'text', primaryKeyConstraintName: 'fee_schedule_rate_pkey' })
  vehicleClass: VehicleClass;

  @PrimaryColumn({ name: 'goods_category', type: 'text', primaryKeyConstraintName: 'fee_schedule_rate_pkey' })
  goodsCategory: GoodsCategory;

  @Column({ name: 'amount_vnd', type: 'bigint' })
  amountVnd: string;
}

/** An exemption a schedule recognises: a declaration claiming its code pays 0. */
@Entity('fee_schedule_exemption')
@Check('CK_fee_schedule_exemption_code', `code ~ '^[A-Z][A-Z0-9_]{1,31}$'`)
export class FeeScheduleExemptionEntity {
  @PrimaryColumn({ name: 'schedule_id', type: 'text', primaryKeyConstraintName: 'fee_schedule_exemption_pkey' })
  @ForeignKey('fee_schedule', { name: 'FK_fee_schedule_exemption_schedule' })
  scheduleId: string;

  @PrimaryColumn({ name: 'code', type: 'text', primaryKeyConstraintName: 'fee_schedule_exemption_pkey' })
  code: string;

  @Column({ name: 'description', type: 'text' })
  description: string;
}
