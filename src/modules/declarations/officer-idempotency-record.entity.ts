import { Check, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { IdempotencyRecordColumns } from './idempotency-record-columns.js';

/** An officer's Idempotency-Key (states: see IdempotencyRecordColumns). */
@Entity('officer_idempotency_record')
@Check('CK_officer_idempotency_record_state', `state IN ('in_flight', 'applied', 'completed')`)
@Index('IDX_officer_idempotency_record_created', ['createdAt'])
export class OfficerIdempotencyRecordEntity extends IdempotencyRecordColumns {
  @PrimaryColumn({ name: 'officer_id', type: 'uuid', primaryKeyConstraintName: 'officer_idempotency_record_pkey' })
  @ForeignKey('officer', { name: 'officer_idempotency_record_officer_id_fkey' })
  officerId: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'officer_idempotency_record_pkey' })
  key: string;
}
