import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { GoodsCategory, VehicleClass } from './fees.js';

/** The gate fee per trip by vehicle class and goods (reference data, created by migration). */
@Entity('fee_rate')
@Check('CK_fee_rate_class', `vehicle_class IN ('VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6')`)
@Check('CK_fee_rate_goods', `goods_category IN ('farm', 'general', 'empty')`)
@Check('CK_fee_rate_amount', 'amount_vnd >= 0')
export class FeeRateEntity {
  @PrimaryColumn({ name: 'vehicle_class', type: 'text', primaryKeyConstraintName: 'fee_rate_pkey' })
  vehicleClass: VehicleClass;

  @PrimaryColumn({ name: 'goods_category', type: 'text', primaryKeyConstraintName: 'fee_rate_pkey' })
  goodsCategory: GoodsCategory;

  @Column({ name: 'amount_vnd', type: 'bigint' })
  amountVnd: string;
}
