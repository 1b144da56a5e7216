import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job written in the same transaction as the change that needs it; the relay moves it to BullMQ. */
@Entity('outbox_message')
@Index('IDX_outbox_message_pending', ['id'], { where: 'relayed_at IS NULL' })
@Index('IDX_outbox_message_relayed', ['relayedAt'], { where: 'relayed_at IS NOT NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'bigint', primaryKeyConstraintName: 'outbox_message_pkey' })
  id: string;

  @Column({ name: 'queue', type: 'text' })
  queue: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  /** Ids only: never personal data. */
  @Column({ name: 'payload', type: 'jsonb' })
  payload: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ name: 'relay_attempts', type: 'integer', default: 0 })
  relayAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Not before this time (delayed jobs); null: at once. */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt: Date | null;
}
