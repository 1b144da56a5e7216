import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { Direction } from '../../common/domain/gate-code.js';

/** The percentage of the fee charged per direction (reference data, created by migration). */
@Entity('fee_direction_factor')
@Check('CK_fee_direction', `direction IN ('export', 'import')`)
@Check('CK_fee_direction_percent', 'percent > 0')
export class FeeDirectionFactorEntity {
  @PrimaryColumn({ name: 'direction', type: 'text', primaryKeyConstraintName: 'fee_direction_factor_pkey' })
  direction: Direction;

  @Column({ name: 'percent', type: 'integer' })
  percent: number;
}
