import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import type { DeclarationStatus, ScreeningReason } from './declaration-status.js';

/**
 * One audit record: a status move or another officer action. Writers insert it; the audit sealer gives it
 * `seq`, `prev_hash` and `hash` after commit, and triggers refuse any other change. The table is partitioned by
 * month of `at` (migration MonthlyPartitions), so its keys include `at`; partitions and triggers live in the
 * migrations only.
 */
@Entity('declaration_event')
@Unique('UQ_declaration_event_seq', ['seq', 'at'])
@Index('IDX_declaration_event_declaration', ['declarationId', 'id'])
@Index('IDX_declaration_event_at', ['at'])
@Index('IDX_declaration_event_unsealed', ['id'], { where: 'seq IS NULL' })
export class DeclarationEventEntity {
  @PrimaryGeneratedColumn('increment', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'declaration_event_pkey',
  })
  id: string;

  @Column({ name: 'declaration_id', type: 'uuid' })
  @ForeignKey('declaration', { name: 'FK_declaration_event_declaration' })
  declarationId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: DeclarationStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: DeclarationStatus | null;

  @Column({ name: 'actor', type: 'text' })
  actor: string;

  @Column({ name: 'reasons', type: 'jsonb', nullable: true })
  reasons: ScreeningReason[] | null;

  @PrimaryColumn({
    name: 'at',
    type: 'timestamptz',
    default: () => 'now()',
    primaryKeyConstraintName: 'declaration_event_pkey',
  })
  at: Date;

  @Column({ name: 'seq', type: 'bigint', nullable: true })
  seq: string | null;

  @Column({ name: 'action', type: 'text', default: 'transition' })
  action: string;

  @Column({ name: 'gate_code', type: 'text' })
  gateCode: GateCode;

  @Column({ name: 'agency', type: 'text', nullable: true })
  agency: string | null;

  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'prev_hash', type: 'bytea', nullable: true })
  prevHash: Buffer | null;

  @Column({ name: 'hash', type: 'bytea', nullable: true })
  hash: Buffer | null;
}
