import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A job written in the same transaction as the change that needs it; the relay moves it to BullMQ. */
@Entity('outbox_message')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  /** Ids only: never personal data. */
  @Column({ type: 'jsonb' })
  payload: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ name: 'relay_attempts', type: 'int' })
  relayAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
