import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const OFFICER_CHANGE_ACTIONS = ['created', 'disabled', 'enabled', 'postings_changed', 'password_reset'] as const;
export type OfficerChangeAction = (typeof OFFICER_CHANGE_ACTIONS)[number];

/** One change to an officer's account and who made it (`officer:<id>` or `operator:cli`). Append-only. */
@Entity('officer_change')
@Check('CK_officer_change_action', `action IN ('created', 'disabled', 'enabled', 'postings_changed', 'password_reset')`)
@Index('IDX_officer_change_officer', ['officerId', 'at'])
export class OfficerChangeEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'officer_change_pkey',
  })
  id: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  @ForeignKey('officer', { name: 'FK_officer_change_officer' })
  officerId: string;

  @Column({ name: 'action', type: 'text' })
  action: OfficerChangeAction;

  @Column({ name: 'actor', type: 'text' })
  actor: string;

  /** What changed; never a password or its hash. */
  @Column({ name: 'changes', type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
