import { Check, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { IdempotencyRecordColumns } from './idempotency-record-columns.js';

/** A company's Idempotency-Key, its submissions' included (states: see IdempotencyRecordColumns). */
@Entity('idempotency_record')
@Check('CK_idempotency_record_state', `state IN ('in_flight', 'applied', 'completed')`)
@Index('IDX_idempotency_record_created', ['createdAt'])
export class IdempotencyRecordEntity extends IdempotencyRecordColumns {
  @PrimaryColumn({ name: 'company_id', type: 'uuid', primaryKeyConstraintName: 'idempotency_record_pkey' })
  @ForeignKey('company', { name: 'idempotency_record_company_id_fkey' })
  companyId: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'idempotency_record_pkey' })
  key: string;
}
