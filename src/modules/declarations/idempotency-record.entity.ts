import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A company's Idempotency-Key: the request's hash and the answer first given, replayed for a repeat. `in_flight`:
 * claimed, running; `applied`: its effect committed, its answer not yet stored; `completed`: answered.
 */
@Entity('idempotency_record')
@Check('CK_idempotency_record_state', `state IN ('in_flight', 'applied', 'completed')`)
@Index('IDX_idempotency_record_created', ['createdAt'])
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'company_id', type: 'uuid', primaryKeyConstraintName: 'idempotency_record_pkey' })
  @ForeignKey('company', { name: 'idempotency_record_company_id_fkey' })
  companyId: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'idempotency_record_pkey' })
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
