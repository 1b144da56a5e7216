import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Booking suspended for one vehicle of a company (`plate`) or the whole company (`plate` null), until `ends_at`. */
@Entity('booking_suspension')
@Check('CK_booking_suspension_period', 'ends_at > starts_at')
@Check('CK_booking_suspension_lifted', '(lifted_at IS NULL) = (lifted_by IS NULL)')
@Index('IDX_booking_suspension_company', ['companyId', 'endsAt'], { where: 'lifted_at IS NULL' })
@Index('IDX_booking_suspension_plate', ['plate', 'endsAt'], { where: 'lifted_at IS NULL AND plate IS NOT NULL' })
export class BookingSuspensionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_suspension_pkey' })
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_booking_suspension_company' })
  companyId: string;

  @Column({ name: 'plate', type: 'text', nullable: true })
  plate: string | null;

  @Column({ name: 'reason', type: 'text' })
  reason: string;

  @Column({ name: 'strikes', type: 'integer' })
  strikes: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true })
  liftedAt: Date | null;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_booking_suspension_lifted_by' })
  liftedBy: string | null;

  @Column({ name: 'lift_note', type: 'text', nullable: true })
  liftNote: string | null;

  /** The declaration whose strike opened the suspension. */
  @Column({ name: 'declaration_id', type: 'uuid', nullable: true })
  @ForeignKey('declaration', { name: 'FK_booking_suspension_declaration' })
  declarationId: string | null;
}
