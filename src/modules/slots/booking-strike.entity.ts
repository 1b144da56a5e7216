import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

export type StrikeKind = 'no_show' | 'late_cancellation';

/** One booking kept badly: a no-show or a late cancellation, counted toward a suspension. */
@Entity('booking_strike')
@Check('CK_booking_strike_kind', `kind IN ('no_show', 'late_cancellation')`)
@Unique('UQ_booking_strike_declaration', ['declarationId', 'kind'])
@Index('IDX_booking_strike_plate', ['plate', 'at'])
@Index('IDX_booking_strike_company', ['companyId', 'at'])
export class BookingStrikeEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'booking_strike_pkey',
  })
  id: string;

  @Column({ name: 'declaration_id', type: 'uuid' })
  @ForeignKey('declaration', { name: 'FK_booking_strike_declaration' })
  declarationId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_booking_strike_company' })
  companyId: string;

  @Column({ name: 'plate', type: 'text' })
  plate: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_booking_strike_gate' })
  gateCode: GateCode;

  @Column({ name: 'kind', type: 'text' })
  kind: StrikeKind;

  @Column({ name: 'slot_start', type: 'timestamptz' })
  slotStart: Date;

  @Column({ name: 'at', type: 'timestamptz' })
  at: Date;
}
