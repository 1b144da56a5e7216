import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookStatus } from './webhook.types.js';

/** A company's webhook registration; the secret is stored encrypted, never in clear. */
@Entity('webhook')
@Check('CK_webhook_events', 'cardinality(events) > 0')
@Check('CK_webhook_status', `status IN ('active', 'disabled', 'deleted')`)
@Index('IDX_webhook_company', ['companyId'], { where: `status = 'active'` })
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_pkey' })
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_webhook_company' })
  companyId: string;

  @Column({ name: 'url', type: 'text' })
  url: string;

  @Column({ name: 'events', type: 'text', array: true })
  events: string[];

  // Never loaded with the registration: the delivery worker reads it by hand when it signs.
  @Column({ name: 'secret_encrypted', type: 'text', select: false })
  secretEncrypted: string;

  @Column({ name: 'status', type: 'text', default: 'active' })
  status: WebhookStatus;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
