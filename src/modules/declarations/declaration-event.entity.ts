import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DeclarationStatus, ScreeningReason } from './declaration-status.js';

/**
 * One move in a declaration's lifecycle; append-only, written in the same transaction as the move. The table is
 * partitioned by month of `at`, so its primary key is (id, at) (migration MonthlyPartitions).
 */
@Entity('declaration_event')
export class DeclarationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'declaration_id', type: 'uuid' })
  declarationId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: DeclarationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: DeclarationStatus;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'jsonb', nullable: true })
  reasons: ScreeningReason[] | null;

  @PrimaryColumn({ type: 'timestamptz' })
  at: Date;
}
