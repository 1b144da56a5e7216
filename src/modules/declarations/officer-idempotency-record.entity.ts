import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** An officer's Idempotency-Key (see IdempotencyRecordEntity, the companies' keys, for the states). */
@Entity('officer_idempotency_record')
@Check('CK_officer_idempotency_record_state', `state IN ('in_flight', 'applied', 'completed')`)
@Index('IDX_officer_idempotency_record_created', ['createdAt'])
export class OfficerIdempotencyRecordEntity {
  @PrimaryColumn({ name: 'officer_id', type: 'uuid', primaryKeyConstraintName: 'officer_idempotency_record_pkey' })
  @ForeignKey('officer', { name: 'officer_idempotency_record_officer_id_fkey' })
  officerId: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'officer_idempotency_record_pkey' })
  key: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'state', type: 'text' })
  state: 'in_flight' | 'applied' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  // json, not jsonb: replays byte-for-byte what was first answered.
  @Column({ name: 'response_body', type: 'json', nullable: true })
  responseBody: unknown;

  @Column({ name: 'locked_at', type: 'timestamptz', default: () => 'now()' })
  lockedAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
