import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { DeliveryStatus } from './webhook.types.js';

/** One audit event to deliver to one webhook; at most one per webhook and event. */
@Entity('webhook_delivery')
@Unique('UQ_webhook_delivery_event', ['webhookId', 'eventSeq'])
@Check('CK_webhook_delivery_status', `status IN ('pending', 'delivered', 'failed')`)
@Index('IDX_webhook_delivery_webhook_created', ['webhookId', 'createdAt']) // created_at DESC
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_delivery_pkey' })
  id: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  @ForeignKey('webhook', { name: 'FK_webhook_delivery_webhook' })
  webhookId: string;

  @Column({ name: 'event_seq', type: 'bigint' })
  eventSeq: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
