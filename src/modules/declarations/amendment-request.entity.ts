import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A company's request to change a declaration after arrival, decided by an officer. */
@Entity('amendment_request')
@Check('CK_amendment_request_status', `status IN ('pending', 'approved', 'declined')`)
@Index('UQ_amendment_request_pending', ['declarationId'], { unique: true, where: `status = 'pending'` })
export class AmendmentRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'amendment_request_pkey' })
  id: string;

  @Column({ name: 'declaration_id', type: 'uuid' })
  @ForeignKey('declaration', { name: 'amendment_request_declaration_id_fkey' })
  declarationId: string;

  @Column({ name: 'changes', type: 'jsonb' })
  changes: Record<string, unknown>;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status: 'pending' | 'approved' | 'declined';

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'amendment_request_decided_by_fkey' })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;
}
